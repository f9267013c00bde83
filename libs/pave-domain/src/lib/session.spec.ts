import {
  acceptingStatuses,
  buildSessionKey,
  capturedStatus,
  capturePath,
  capturePathPrefix,
  deletableStatuses,
  isAcceptingStatus,
  isDeletableStatus,
  isSessionExpired,
  isTerminalStatus,
  inspectionMarksOf,
  isSessionActive,
  SessionKey,
  sessionKeyPrefix,
  SessionStatus,
  terminalStatuses,
  transitionStatus,
  type SessionEvent,
  type TerminalStatus,
} from './session.js';

describe('SessionKey', () => {
  it.each(['DEM-0123456789', 'ABC-ZZZZZZZZZZ'])('accepts %p', (key) => {
    expect(SessionKey.safeParse(key).success).toBe(true);
  });
  it.each([
    'dem-0123456789',
    'DE-0123456789',
    'DEM-012345678',
    'DEM-01234567890',
    'DEM_0123456789',
    'DEM-01234567a9',
    '',
  ])('refuses %p', (key) => {
    expect(SessionKey.safeParse(key).success).toBe(false);
  });
  it.each([
    ['dealer', 'DEA'],
    ['jo', 'JOX'],
    ['42-fleet', 'FLE'],
    ['', 'XXX'],
  ])('prefixes %p keys with %p', (username, prefix) => {
    expect(sessionKeyPrefix(username)).toBe(prefix);
    expect(buildSessionKey(username, 'A1B2C3D4E5')).toBe(`${prefix}-A1B2C3D4E5`);
  });
});

describe('transitionStatus', () => {
  it.each<[SessionStatus, SessionEvent, SessionStatus]>([
    ['IDLE', 'open', 'STARTED'],
    ['STARTED', 'open', 'STARTED'],
    ['IDLE', 'attempt', 'PROCESS'],
    ['STARTED', 'attempt', 'PROCESS'],
    ['PROCESS', 'capture_complete', 'QC_PASSED'],
    ['QC_PASSED', 'capture_incomplete', 'PROCESS'],
    ['QC_PASSED', 'confirm', 'COMPLETE'],
    ['CONFIRM', 'confirm', 'COMPLETE'],
    ['PROCESS', 'expire', 'EXPIRED'],
    ['QC_PASSED', 'expire', 'EXPIRED'],
    ['CONFIRM', 'expire', 'EXPIRED'],
    ['COMPLETE', 'invalidate', 'INVALID'],
  ])('moves %s on %s to %s', (from, event, to) => {
    expect(transitionStatus(from, event)).toEqual({ ok: true, value: to });
  });

  it.each<[SessionStatus, SessionEvent]>([
    ['IDLE', 'confirm'],
    ['PROCESS', 'confirm'],
    ['COMPLETE', 'attempt'],
    ['EXPIRED', 'open'],
    ['INVALID', 'invalidate'],
    ['COMPLETE', 'expire'],
    ['INVALID', 'expire'],
    ['IDLE', 'capture_complete'],
  ])('refuses %s on %s', (from, event) => {
    expect(transitionStatus(from, event)).toEqual({ ok: false, error: { code: 'invalid_transition', from, event } });
  });
});

describe('capturedStatus', () => {
  it.each<[SessionStatus, boolean, boolean, SessionStatus]>([
    ['IDLE', false, false, 'IDLE'],
    ['STARTED', false, false, 'STARTED'],
    ['IDLE', true, false, 'PROCESS'],
    ['STARTED', true, false, 'PROCESS'],
    ['STARTED', true, true, 'QC_PASSED'],
    ['PROCESS', true, true, 'QC_PASSED'],
    ['QC_PASSED', true, false, 'PROCESS'],
    ['CONFIRM', true, true, 'CONFIRM'],
    ['CONFIRM', true, false, 'PROCESS'],
    ['COMPLETE', true, true, 'COMPLETE'],
    ['EXPIRED', true, false, 'EXPIRED'],
    ['INVALID', true, true, 'INVALID'],
  ])('moves %s (attempted: %p, complete: %p) to %s', (status, attempted, complete, expected) => {
    expect(capturedStatus(status, { attempted, complete })).toBe(expected);
  });
});

describe('isSessionExpired', () => {
  const created = new Date('2021-05-01T00:00:00Z');
  const week = 7 * 86400;
  it.each<[SessionStatus, number, boolean]>([
    ['IDLE', week, true],
    ['PROCESS', week - 1, false],
    ['STARTED', week + 1, true],
    ['QC_PASSED', week * 2, true],
    ['CONFIRM', week, true],
    ['QC_PASSED', week - 1, false],
    ['COMPLETE', week * 2, false],
  ])('%s after %i s: %p', (status, elapsed, expired) => {
    expect(isSessionExpired(status, created, week, new Date(created.getTime() + elapsed * 1000))).toBe(expired);
  });
});

describe('acceptingStatuses', () => {
  it.each(SessionStatus.options)('lists %s exactly when the lifecycle allows an attempt there', (status) => {
    expect(isAcceptingStatus(status)).toBe(transitionStatus(status, 'attempt').ok);
    expect((acceptingStatuses as readonly SessionStatus[]).includes(status)).toBe(isAcceptingStatus(status));
  });

  it('are the statuses that are not terminal, CONFIRM included', () => {
    expect(SessionStatus.options.filter((status) => !isTerminalStatus(status))).toEqual([...acceptingStatuses]);
    expect(acceptingStatuses).toContain('CONFIRM');
    expect([...acceptingStatuses, ...terminalStatuses]).toHaveLength(SessionStatus.options.length);
  });

  it('narrows a terminal status to TerminalStatus', () => {
    // compiles only because isTerminalStatus narrows its argument
    const terminalOrNull = (status: SessionStatus): TerminalStatus | null => (isTerminalStatus(status) ? status : null);
    expect(SessionStatus.options.map(terminalOrNull).filter((status) => status !== null)).toEqual([
      ...terminalStatuses,
    ]);
    // @ts-expect-error an accepting status is not a TerminalStatus
    'CONFIRM' satisfies TerminalStatus;
  });
});

describe('isDeletableStatus', () => {
  it.each(SessionStatus.options.map((status) => [status, status === 'IDLE'] as const))(
    '%s: deletable %p (only before the driver’s first action)',
    (status, deletable) => {
      expect(isDeletableStatus(status)).toBe(deletable);
    },
  );

  it('agrees with its list', () => {
    expect(SessionStatus.options.filter(isDeletableStatus)).toEqual([...deletableStatuses]);
  });
});

describe('capturePath', () => {
  it.each([
    ['DEM-0123456789', '/capture/DEM-0123456789'],
    ['a b/c', '/capture/a%20b%2Fc'],
  ])('puts %p under the capture prefix as %p', (key, path) => {
    expect(capturePath(key)).toBe(path);
    expect(path.startsWith(capturePathPrefix)).toBe(true);
  });
});

describe('isSessionActive', () => {
  it.each(SessionStatus.options.map((status) => [status, status !== 'EXPIRED' && status !== 'INVALID'] as const))(
    '%s: active %p',
    (status, active) => {
      expect(isSessionActive(status)).toBe(active);
    },
  );
});

describe('inspectionMarksOf', () => {
  it.each<[SessionStatus, boolean, boolean]>([
    ['IDLE', false, false],
    ['STARTED', true, false],
    ['PROCESS', true, false],
    ['QC_PASSED', true, false],
    ['CONFIRM', true, false],
    ['COMPLETE', true, true],
    ['EXPIRED', false, false],
    ['INVALID', false, false],
  ])('a move into %s marks started %p, ended %p', (to, started, ended) => {
    expect(inspectionMarksOf(to)).toEqual({ started, ended });
  });
});
