import { buildSession, buildSessionSettings } from '../testing.js';
import { givenVinEntry, Session, settingsOfCreate, toSessionObject, type SessionFacts } from './session-object.js';
import { CreateSessionRequest } from './session-request.js';
import { SessionStatus, type SessionKey } from './session.js';

function factsOf(overrides: Partial<SessionFacts> = {}): SessionFacts {
  return {
    sessionKey: 'DEM-0123456789' as SessionKey,
    status: 'IDLE',
    settings: buildSessionSettings(),
    learned: { vin: null, odom_reading: null },
    captureUrl: 'https://inspect.example/capture/DEM-0123456789',
    createdAt: new Date('2021-05-27T07:30:00.400Z'),
    updatedAt: new Date('2021-05-27T07:31:00Z'),
    expiresAt: new Date('2021-06-03T07:30:00Z'),
    inspectStartedAt: null,
    inspectEndedAt: null,
    invalidReason: null,
    ...overrides,
  };
}

describe('toSessionObject', () => {
  it("answers PAVE's fields in PAVE's order, then ours, each timestamp in the wire spelling", () => {
    const session = toSessionObject(factsOf());
    expect(Object.keys(session)).toEqual([
      'session_key',
      'theme',
      'active',
      'status',
      'redirect_url',
      'inspect_started_at',
      'inspect_ended_at',
      'created_at',
      'updated_at',
      'language',
      'capture_url',
      'options',
      'vehicle',
      'expires_at',
      'contact',
      'reference',
      'invalid_reason',
    ]);
    expect(session.created_at).toBe('2021-05-27T07:30:00+00:00');
    expect(Session.parse(session)).toEqual(session);
  });

  it('carries what the create body gave: options, vehicle, contact, reference', () => {
    const request = CreateSessionRequest.parse({
      session: { client_id: 'C-1', contact: { first_name: 'Ada', last_name: 'L' }, reference: { claim: '17' } },
      vehicle: { vin: 'JN1CV6AR9BM123456', year: '2019', odom_reading: '100,945', odom_unit: 'MILES' },
      sms: { to: '+15550100' },
    });
    const session = toSessionObject(factsOf({ settings: settingsOfCreate(request) }));
    expect(session.options).toEqual({
      client_id: 'C-1',
      sms: { to: '+15550100', to_name: null, from: null, by: null, sent: false },
    });
    expect(session.vehicle).toMatchObject({ vin: 'JN1CV6AR9BM123456', year: 2019, make: null, odom_reading: 100945 });
    expect(session.contact).toEqual({ first_name: 'Ada', last_name: 'L' });
    expect(session.reference).toEqual({ claim: '17' });
  });

  it('shows a typed VIN and reading in place of the given ones, keeping the given unit', () => {
    const settings = buildSessionSettings({
      vehicle: { vin: 'JN1CV6AR9BM123456', odom_reading: 5, odom_unit: 'MILES' },
    });
    const learned = { vin: '1HGCM82633A004352', odom_reading: 100945 };
    expect(toSessionObject(factsOf({ settings, learned })).vehicle).toMatchObject({
      vin: '1HGCM82633A004352',
      odom_reading: 100945,
      odom_unit: 'MILES',
    });
  });

  it.each(SessionStatus.options)('in %s: active and invalid_reason follow the status', (status) => {
    const session = toSessionObject(factsOf({ status, invalidReason: status === 'INVALID' ? 'Leaked link' : null }));
    expect(Session.safeParse(session).success).toBe(true);
    expect(session.invalid_reason).toBe(status === 'INVALID' ? 'Leaked link' : null);
  });

  it('marks the inspection times', () => {
    const session = toSessionObject(
      factsOf({
        status: 'COMPLETE',
        inspectStartedAt: new Date('2021-05-27T07:35:00Z'),
        inspectEndedAt: new Date('2021-05-27T07:45:00Z'),
      }),
    );
    expect(session).toMatchObject({
      inspect_started_at: '2021-05-27T07:35:00+00:00',
      inspect_ended_at: '2021-05-27T07:45:00+00:00',
    });
  });
});

describe('Session', () => {
  it.each([
    [{ status: 'EXPIRED', active: true }, 'active'],
    [{ status: 'COMPLETE', active: false }, 'active'],
    [{ status: 'IDLE', invalid_reason: 'x' }, 'invalid_reason'],
  ])('refuses %p', (overrides, path) => {
    expect(() => buildSession(overrides)).toThrow(path);
  });
});

describe('givenVinEntry', () => {
  const withVin = buildSessionSettings({ vehicle: { vin: 'JN1CV6AR9BM123456' } });
  it.each<[string, ReturnType<typeof buildSessionSettings>, number[], string | null]>([
    ['a given VIN, no VIN attempt yet', withVin, [], 'JN1CV6AR9BM123456'],
    ['a given VIN, other steps captured', withVin, [2, 3], 'JN1CV6AR9BM123456'],
    ['a given VIN, the VIN step already attempted', withVin, [1], null],
    ['no VIN given', buildSessionSettings(), [], null],
  ])('%s: %p', (_, settings, codes, expected) => {
    expect(givenVinEntry(settings, codes)).toBe(expected);
  });
});
