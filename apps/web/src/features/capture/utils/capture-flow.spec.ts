import { captureOrder, toCaptureState, type PhotoCode, type SessionStatus } from '@pave/domain';
import { buildAttemptRecord, buildSession } from '@pave/domain/testing';
import {
  entryScreen,
  remainingSteps,
  screenAfter,
  screenOfSearch,
  searchOfScreen,
  urlOfScreen,
} from './capture-flow.js';

function stateWith(status: SessionStatus, attempts: [PhotoCode, 'ok' | 'blurry' | 'skipped'][]) {
  const records = attempts.map(([code, verdict]) =>
    buildAttemptRecord({ photo_code: code, ...(verdict === 'ok' ? {} : { reason: verdict }) }),
  );
  return toCaptureState({ ...buildSession({ status }), integrator: null }, records);
}

describe('capture flow', () => {
  it('opens on the intro before the start, else on the first step left to do', () => {
    expect(entryScreen(stateWith('IDLE', []))).toEqual({ kind: 'intro' });
    expect(entryScreen(stateWith('PROCESS', [[1, 'ok']]))).toEqual({ kind: 'step', code: 2 });
  });

  it('goes forward from a step left unfinished, never back to an earlier one', () => {
    const state = stateWith('PROCESS', [[1, 'ok']]);
    expect(screenAfter(state, 2)).toEqual({ kind: 'step', code: 3 });
    expect(screenAfter(state, 4)).toEqual({ kind: 'step', code: 10 });
  });

  it('gathers what is left at the end: "still needed", then the summary once all is done', () => {
    const allButInterior = captureOrder.filter((code) => code !== 2).map((code) => [code, 'ok'] as [PhotoCode, 'ok']);
    const state = stateWith('PROCESS', [...allButInterior, [2, 'blurry']]);
    expect(screenAfter(state, 6)).toEqual({ kind: 'remaining' });
    expect(remainingSteps(state).map((step) => step.photo_code)).toEqual([2]);

    const done = stateWith('QC_PASSED', [...allButInterior, [2, 'ok']]);
    expect(screenAfter(done, 6)).toEqual({ kind: 'summary' });
  });

  it('counts a rejected or skipped exterior view as done (completeness needs no retake of it)', () => {
    const state = stateWith('PROCESS', [
      [4, 'blurry'],
      [10, 'skipped'],
    ]);
    expect(remainingSteps(state).map((step) => step.photo_code)).not.toContain(4);
    expect(remainingSteps(state).map((step) => step.photo_code)).not.toContain(10);
  });

  it('reads and writes screens as URL queries', () => {
    const state = stateWith('PROCESS', []);
    for (const screen of [{ kind: 'step', code: 11 }, { kind: 'summary' }, { kind: 'remaining' }] as const) {
      expect(screenOfSearch(state, new URLSearchParams(searchOfScreen(screen)))).toEqual(screen);
    }
    expect(screenOfSearch(state, new URLSearchParams('?step=14'))).toBeNull();
  });

  it('keeps the link token (the fragment) in every screen URL, so a reload still opens the link', () => {
    const link = { pathname: '/capture/DEM-0123456789', hash: '#token' };
    expect(urlOfScreen(link, { kind: 'step', code: 4 })).toBe('/capture/DEM-0123456789?step=4#token');
  });
});
