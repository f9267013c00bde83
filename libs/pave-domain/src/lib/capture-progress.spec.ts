import { buildPhoto, samplePhotosFixture } from '../testing.js';
import { captureProgress, checkSkip } from './capture-progress.js';
import { captureOrder, exteriorCodes, neededCodes, photoLabelOf, type PhotoCode } from './photo-code.js';
import { SessionPhotos, type SessionPhoto } from './session-photo.js';
import { isStepDone } from './step-state.js';

const accepted = (code: PhotoCode, at = '2021-05-27T07:36:16+00:00'): SessionPhoto =>
  buildPhoto({ photo_code: code, created_at: at, updated_at: at });

describe('captureProgress of the original sample', () => {
  const progress = captureProgress(SessionPhotos.parse(samplePhotosFixture));
  const step = (label: string) => progress.steps.find((s) => s.photoLabel === label);

  it('says what a reader of the sample sees', () => {
    expect(progress.complete).toBe(true);
    expect(progress.nextStep).toBeNull();
    expect(step('Interior')?.attempts.map((a) => a.photo.approved)).toEqual([false, true]);
    expect(step('Interior')?.state).toBe('accepted');
    expect(step('Left')?.state).toBe('rejected');
    expect(step('Left')?.latest?.reasonCode).toBe('wrong_view');
    expect(step('Front_Left')?.latest?.reasonCode).toBeNull();
    expect(progress.steps.map((s) => s.state).filter((s) => s === 'rejected')).toHaveLength(3);
  });

  it('lists the steps in capture order', () => {
    expect(progress.steps.map((s) => s.photoCode)).toEqual([...captureOrder]);
  });

  it('marks the superseded Interior attempt and times the verdicts', () => {
    const [first, second] = step('Interior')?.attempts ?? [];
    expect(first?.superseded).toBe(true);
    expect(first?.processingSeconds).toBeNull();
    expect(second?.superseded).toBe(false);
    expect(second?.processingSeconds).toBe(105);
    expect(step('VIN')?.latest?.processingSeconds).toBe(49);
  });
});

describe('captureProgress', () => {
  it('starts with every step pending and VIN next', () => {
    const progress = captureProgress([]);
    expect(progress.steps.every((s) => s.state === 'pending' && s.latest === null)).toBe(true);
    expect(progress.nextStep?.photoLabel).toBe('VIN');
    expect(progress.complete).toBe(false);
    expect(progress.missingNeeded).toEqual([...neededCodes]);
    expect(progress.skippable).toEqual([]);
  });

  it('points at the first rejected step before later pending ones', () => {
    const progress = captureProgress([accepted(1), buildPhoto({ photo_code: 2, reason: 'blurry' }), accepted(3)]);
    expect(progress.nextStep?.photoLabel).toBe('Interior');
  });

  it('is complete with one exterior step skipped and is incomplete with one unattempted', () => {
    const all = captureOrder.filter((c) => c !== 12).map((c) => accepted(c));
    expect(captureProgress(all).complete).toBe(false);
    expect(captureProgress(all).nextStep?.photoLabel).toBe('Rear_Right');
    expect(captureProgress(all).skippable).toEqual([12]);
    const skipped = buildPhoto({ photo_code: 12, url: null, reason: 'skipped' });
    const progress = captureProgress([...all, skipped]);
    expect(progress.complete).toBe(true);
    expect(progress.steps.find((s) => s.photoCode === 12)?.state).toBe('skipped');
  });

  it('is incomplete while a needed step is rejected, even with every exterior attempted', () => {
    const photos = captureOrder.map((c) => (c === 6 ? buildPhoto({ photo_code: 6, reason: 'too_dark' }) : accepted(c)));
    const progress = captureProgress(photos);
    expect(progress.complete).toBe(false);
    expect(progress.missingNeeded).toEqual([6]);
    expect(progress.nextStep?.photoLabel).toBe('Tires');
  });

  it('judges a step by its latest attempt: an accepted photo retaken and rejected is rejected', () => {
    const progress = captureProgress([accepted(2), buildPhoto({ photo_code: 2, reason: 'wrong_view' })]);
    expect(progress.steps[1]?.state).toBe('rejected');
  });

  it('reports typed-in values as manual and uses known verdict times', () => {
    const vin = accepted(1);
    const progress = captureProgress([vin, buildPhoto({ photo_code: 2 }), accepted(2)], {
      isManual: (p) => p === vin,
      verdictSeconds: (p) => (p.photo_code === 2 ? 3 : null),
    });
    expect(progress.steps[0]?.state).toBe('manual');
    expect(progress.steps[1]?.attempts.map((a) => a.processingSeconds)).toEqual([3, 3]);
  });

  it('goes on past a rejected exterior view: it counts as done, as completeness counts it', () => {
    const progress = captureProgress([
      accepted(1),
      accepted(2),
      accepted(3),
      buildPhoto({ photo_code: 4, reason: 'blurry' }),
    ]);
    expect(progress.steps[3]?.state).toBe('rejected');
    expect(progress.nextStep?.photoLabel).toBe('Front_Left');
  });

  it.each([
    ['nothing', []],
    ['the sample', SessionPhotos.parse(samplePhotosFixture)],
    [
      'a rejected Tires',
      captureOrder.map((c) => (c === 6 ? buildPhoto({ photo_code: 6, reason: 'too_dark' }) : accepted(c))),
    ],
    ['every step rejected', captureOrder.map((c) => buildPhoto({ photo_code: c, reason: 'blurry' }))],
    ['every step accepted', captureOrder.map((c) => accepted(c))],
  ] as const)(
    'is complete exactly when every step is done, and points at the first one not done (%s)',
    (_what, photos) => {
      const progress = captureProgress(photos);
      const notDone = progress.steps.filter((s) => !isStepDone(s.photoCode, s.state));
      expect(progress.complete).toBe(notDone.length === 0);
      expect(progress.nextStep?.photoCode ?? null).toBe(notDone[0]?.photoCode ?? null);
    },
  );

  it('exposes the accepted codes, typed-in ones included, for checkSkip', () => {
    const vin = accepted(1);
    const photos = [vin, accepted(2), buildPhoto({ photo_code: 3, reason: 'blurry' }), accepted(4)];
    const progress = captureProgress(photos, { isManual: (p) => p === vin });
    expect([...progress.accepted].sort((a, b) => a - b)).toEqual([1, 2, 4]);
  });

  it('treats a rejected exterior with a url as rejected, not skipped', () => {
    const progress = captureProgress([buildPhoto({ photo_code: 4, reason: 'skipped' })]);
    expect(progress.steps[3]?.state).toBe('rejected');
  });
});

describe('checkSkip', () => {
  const allNeeded = new Set<PhotoCode>(neededCodes);

  it.each(exteriorCodes.map((c) => [photoLabelOf(c), c] as const))(
    'allows skipping %s once every needed image is accepted',
    (_l, code) => {
      expect(checkSkip(code, allNeeded)).toEqual({ ok: true, value: code });
    },
  );

  it.each(neededCodes.map((c) => [photoLabelOf(c), c] as const))('never allows skipping %s', (_l, code) => {
    expect(checkSkip(code, allNeeded)).toEqual({ ok: false, error: { code: 'not_skippable', photoCode: code } });
  });

  it('refuses to skip Left while Tires is still missing', () => {
    const withoutTires = new Set<PhotoCode>([1, 2, 3, 9]);
    expect(checkSkip(4, withoutTires)).toEqual({ ok: false, error: { code: 'needed_images_missing', missing: [6] } });
  });

  it('refuses to skip a step that already has an accepted photo', () => {
    expect(checkSkip(4, new Set<PhotoCode>([...neededCodes, 4]))).toEqual({
      ok: false,
      error: { code: 'already_accepted', photoCode: 4 },
    });
  });
});
