import type { CaptureStepState } from './capture-wire.js';
import { captureOrder, exteriorCodes, neededCodes, photoLabelOf, type PhotoCode } from './photo-code.js';
import type { ProgressStep } from './progress-wire.js';
import { buildPhoto } from '../testing.js';
import { attemptStateOf, isStepDone, StepState } from './step-state.js';

// One StepState serves both wire schemas: a state added or dropped in one place shows in both.
['pending', 'accepted', 'rejected', 'skipped', 'manual'] as const satisfies readonly ProgressStep['state'][];
StepState.options satisfies readonly CaptureStepState['state'][];
// @ts-expect-error a step state is one of the five names, nothing else
'done' satisfies StepState;

describe('attemptStateOf', () => {
  it.each([
    ['an accepted photo', buildPhoto({ photo_code: 2 }), false, 'accepted'],
    ['a typed-in value', buildPhoto({ photo_code: 1 }), true, 'manual'],
    ['a rejected photo', buildPhoto({ photo_code: 2, reason: 'blurry' }), false, 'rejected'],
    ['a skip (no url)', buildPhoto({ photo_code: 4, url: null, reason: 'skipped' }), false, 'skipped'],
    ['a photo rejected as Skipped that has a url', buildPhoto({ photo_code: 4, reason: 'skipped' }), false, 'rejected'],
    ['an unknown reason text', buildPhoto({ photo_code: 4, reason: { text: 'Smudged' } }), false, 'rejected'],
  ] as const)('gives %s the state %p', (_what, photo, manual, state) => {
    expect(attemptStateOf(photo, manual)).toBe(state);
  });
});

describe('isStepDone', () => {
  const label = (code: PhotoCode) => photoLabelOf(code);

  it.each(neededCodes.map((code) => [label(code), code] as const))(
    'counts needed %s done only when accepted or typed in',
    (_label, code) => {
      const done = StepState.options.filter((state) => isStepDone(code, state));
      expect(done).toEqual(['accepted', 'manual']);
    },
  );

  it.each(exteriorCodes.map((code) => [label(code), code] as const))(
    'counts exterior %s done once it has any attempt (accepted, rejected or skipped)',
    (_label, code) => {
      const done = StepState.options.filter((state) => isStepDone(code, state));
      expect(done).toEqual(['accepted', 'rejected', 'skipped', 'manual']);
    },
  );

  it('never counts a pending step done', () => {
    expect(captureOrder.filter((code) => isStepDone(code, 'pending'))).toEqual([]);
  });
});
