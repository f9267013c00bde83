import { buildAttemptRecord, buildPhoto, buildSession } from '../testing.js';
import {
  CaptureState,
  checkManualEntry,
  ManualEntryRequest,
  SkipRequest,
  toCaptureState,
  uploadFieldName,
} from './capture-wire.js';
import { exteriorCodes, neededCodes } from './photo-code.js';
import { toSessionProgress } from './progress-wire.js';
import { toSessionVehicle } from './session-object.js';
import { isAcceptingStatus, SessionKey, SessionStatus, terminalStatuses } from './session.js';

// Only the VIN (1) and the odometer reading (3) can be typed in: checkManualEntry takes a ManualEntryCode.
3 satisfies Parameters<typeof checkManualEntry>[0];
// @ts-expect-error Interior (2) cannot be typed in
2 satisfies Parameters<typeof checkManualEntry>[0];

describe('checkManualEntry', () => {
  it.each([
    [1, 'jn1cv6ar9bm123456', 'JN1CV6AR9BM123456'],
    [1, ' 1HGCM82633A004352 ', '1HGCM82633A004352'],
    [3, '123456', '123456'],
    [3, '12,345', '12345'],
    [3, '0042', '42'],
  ] as const)('accepts code %i value %p as %p', (code, value, normalised) => {
    expect(checkManualEntry(code, value)).toEqual({ ok: true, value: normalised });
  });

  it.each([
    [1, 'JN1CV6AR9BM12345'],
    [1, 'JN1CV6AR9BM1234567'],
    [1, 'JN1CV6AR9BM12345O'],
    [1, 'IN1CV6AR9BM123456'],
    [1, 'QN1CV6AR9BM123456'],
    [3, ''],
    [3, '12a'],
    [3, '-5'],
    [3, '12345678'],
  ] as const)('refuses code %i value %p', (code, value) => {
    const result = checkManualEntry(code, value);
    expect(result.ok).toBe(false);
  });
});

describe('capture request bodies', () => {
  it.each([{ photo_code: 2, value: 'x' }, { photo_code: 1 }, { photo_code: 1, value: 'x', extra: 1 }])(
    'refuses manual %p',
    (body) => {
      expect(ManualEntryRequest.safeParse(body).success).toBe(false);
    },
  );
  it.each([{}, { photo_code: 0 }, { photo_code: '4' }, { photo_code: 4, why: 'x' }])('refuses skip %p', (body) => {
    expect(SkipRequest.safeParse(body).success).toBe(false);
  });
});

describe('toCaptureState', () => {
  const key = SessionKey.parse('DEM-0123456789');
  const inStatus = (status: SessionStatus) => ({
    ...buildSession({ session_key: key, status, invalid_reason: status === 'INVALID' ? 'Wrong vehicle' : null }),
    integrator: 'Acme',
  });
  const neededAccepted = neededCodes.map((code) => buildAttemptRecord({ photo_code: code }));

  it.each(SessionStatus.options)('accepts attempts in %s exactly as isAcceptingStatus says', (status) => {
    const state = toCaptureState(inStatus(status), neededAccepted);

    expect(state.accepting).toBe(isAcceptingStatus(status));
    const skippable = state.steps.filter((step) => step.may_skip).map((step) => step.photo_code);
    expect(skippable).toEqual(isAcceptingStatus(status) ? [...exteriorCodes] : []);
  });

  it.each(terminalStatuses)('shows a %s session its status only: no attempts, no photo URLs', (status) => {
    const state = toCaptureState(inStatus(status), neededAccepted);

    expect(state.status).toBe(status);
    expect(state.steps.every((step) => step.latest === null && step.attempts === 0)).toBe(true);
    expect(JSON.stringify(state)).not.toContain('http');
  });

  it.each(SessionStatus.options)('tells the reason only of an INVALID session (%s)', (status) => {
    const stale = { ...inStatus(status), invalid_reason: 'Leaked link' };

    expect(toCaptureState(stale, neededAccepted).invalid_reason).toBe(status === 'INVALID' ? 'Leaked link' : null);
  });

  it('answers a body the CaptureState schema accepts, each latest attempt with the seven wire fields alone', () => {
    const vin = { ...buildAttemptRecord({ photo_code: 1, manual: true }), extra: 'dropped' };
    const photo = { ...buildPhoto({ photo_code: 2 }), row: 7 };
    const state = toCaptureState(inStatus('PROCESS'), [
      vin,
      { photo, manual: false, thumbnailUrl: 'https://pave.example/images/2.thumb.jpg' },
    ]);

    expect(CaptureState.parse(state)).toEqual(state);
    expect(state.steps.slice(0, 3).map((step) => [step.state, step.attempts, step.needed, step.manual_entry])).toEqual([
      ['manual', 1, true, true],
      ['accepted', 1, true, false],
      ['pending', 0, true, true],
    ]);
    expect(state.steps[1]?.latest).toEqual(buildPhoto({ photo_code: 2 }));
    expect(state.steps.slice(0, 2).map((step) => step.thumbnail_url)).toEqual([
      null,
      'https://pave.example/images/2.thumb.jpg',
    ]);
    expect(state.next_step).toEqual({ step: 3, photo_code: 3, photo_label: 'Cluster' });
  });

  it('agrees with toSessionProgress on states, completeness and the next step', () => {
    const attempts = [
      ...neededAccepted,
      buildAttemptRecord({ photo_code: 4, reason: 'blurry' }),
      buildAttemptRecord({ photo_code: 10, url: null, reason: 'skipped' }),
    ];
    const session = inStatus('PROCESS');
    const state = toCaptureState(session, attempts);
    const progress = toSessionProgress(session, attempts);

    expect(state.steps.map((step) => step.state)).toEqual(progress.steps.map((step) => step.state));
    expect([state.complete, state.next_step]).toEqual([progress.complete, progress.next_step]);
    expect(state.next_step?.photo_label).toBe('Front');
  });
});

describe('toCaptureState: what the app shows besides the steps', () => {
  const vehicle = toSessionVehicle(
    { year: 2019, make: 'Honda', model: 'Civic' },
    { vin: '1HGCM82633A004352', odom_reading: null },
  );
  const session = (status: SessionStatus) => ({
    ...buildSession({ status, language: 'FR', redirect_url: 'https://dealer.example/done', vehicle }),
    integrator: 'Acme Motors',
  });

  it('carries the language, the redirect, the integrator and the vehicle with its typed VIN', () => {
    const state = toCaptureState(session('PROCESS'), []);

    expect([state.language, state.redirect_url, state.integrator]).toEqual([
      'FR',
      'https://dealer.example/done',
      'Acme Motors',
    ]);
    expect(state.vehicle).toEqual(vehicle);
    expect(CaptureState.parse(state)).toEqual(state);
  });

  it.each(terminalStatuses)('keeps the language and redirect of a %s session but not its vehicle', (status) => {
    const state = toCaptureState(session(status), []);

    expect([state.language, state.redirect_url, state.vehicle]).toEqual(['FR', 'https://dealer.example/done', null]);
  });
});

describe('uploadFieldName', () => {
  it('is the multipart field PAVE clients send the image in', () => {
    expect(uploadFieldName).toBe('image');
  });
});
