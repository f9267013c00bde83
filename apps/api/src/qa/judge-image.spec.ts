import { judgeImage, type JudgeInput, type QaReason, type QaReasonCode } from './judge-image.js';
import { type ImageMeasures } from './measure-image.js';
import { defaultQaSettings } from './qa-settings.js';

const goodHash = '9a3c5e7f10243b6d';

function buildMeasures(overrides: Partial<ImageMeasures> = {}): ImageMeasures {
  return {
    width: 4032,
    height: 3024,
    meanLuma: 120,
    p05Luma: 30,
    p95Luma: 210,
    darkShare: 0.01,
    brightShare: 0.01,
    laplacianVariance: 400,
    phash: goodHash,
    ...overrides,
  };
}

function buildInput(overrides: Partial<JudgeInput> = {}): JudgeInput {
  return { measures: buildMeasures(), photoCode: 5, exterior: true, otherStepHashes: [], ...overrides };
}

/** `goodHash` with its last `bits` bits flipped. */
function flipLowBits(hash: string, bits: number): string {
  return (BigInt(`0x${hash}`) ^ ((1n << BigInt(bits)) - 1n)).toString(16).padStart(16, '0');
}

describe('judgeImage', () => {
  it('accepts a sharp, well-exposed landscape photo with no duplicate, returning its measures', () => {
    const input = buildInput({ otherStepHashes: [{ photoCode: 2, phash: flipLowBits(goodHash, 30) }] });

    const verdict = judgeImage(input, defaultQaSettings);

    expect(verdict).toEqual({
      reason: null,
      reasonCode: null,
      measures: input.measures,
      nearestOtherStep: { photoCode: 2, hammingDistance: 30 },
    });
  });

  it.each<[string, Partial<ImageMeasures>, QaReasonCode | null]>([
    ['639 px long side', { width: 639, height: 480 }, 'low_resolution'],
    ['479 px short side', { width: 1000, height: 479 }, 'low_resolution'],
    ['exactly 640x480', { width: 640, height: 480 }, null],
    ['mean luma 44.99', { meanLuma: 44.99 }, 'too_dark'],
    ['mean luma 45', { meanLuma: 45 }, null],
    ['p95 luma 79 (nothing reaches a mid-tone)', { meanLuma: 60, p95Luma: 79 }, 'too_dark'],
    ['p95 luma 80', { meanLuma: 60, p95Luma: 80 }, null],
    ['mean luma 215.01', { meanLuma: 215.01 }, 'too_bright'],
    ['mean luma 215', { meanLuma: 215 }, null],
    ['31% clipped highlights', { brightShare: 0.31 }, 'too_bright'],
    ['30% clipped highlights', { brightShare: 0.3 }, null],
    ['Laplacian variance 59.9', { laplacianVariance: 59.9 }, 'blurry'],
    ['Laplacian variance 60', { laplacianVariance: 60 }, null],
  ])('judges %s as %s', (_name, overrides, expected) => {
    const verdict = judgeImage(buildInput({ measures: buildMeasures(overrides) }), defaultQaSettings);

    expect(verdict.reasonCode).toBe(expected);
  });

  it.each<[string, boolean, number, number, QaReasonCode | null]>([
    ['portrait on an exterior step', true, 3024, 4032, 'wrong_orientation'],
    ['portrait on an interior step', false, 3024, 4032, null],
    ['square on an exterior step', true, 3000, 3000, null],
    ['landscape on an exterior step', true, 4032, 3024, null],
  ])('judges a %s', (_name, exterior, width, height, expected) => {
    const verdict = judgeImage(buildInput({ exterior, measures: buildMeasures({ width, height }) }), defaultQaSettings);

    expect(verdict.reasonCode).toBe(expected);
  });

  it.each<[number, QaReasonCode | null]>([
    [0, 'wrong_view'],
    [8, 'wrong_view'],
    [9, null],
  ])('judges a photo %i bits away from another step’s as %s', (bits, expected) => {
    const input = buildInput({ otherStepHashes: [{ photoCode: 9, phash: flipLowBits(goodHash, bits) }] });

    expect(judgeImage(input, defaultQaSettings).reasonCode).toBe(expected);
  });

  it('does not count a retake of the same step as a duplicate', () => {
    const input = buildInput({ photoCode: 5, otherStepHashes: [{ photoCode: 5, phash: goodHash }] });

    const verdict = judgeImage(input, defaultQaSettings);

    expect([verdict.reasonCode, verdict.nearestOtherStep]).toEqual([null, null]);
  });

  it('names the nearest other step as the duplicate', () => {
    const otherStepHashes = [
      { photoCode: 5, phash: goodHash },
      { photoCode: 4, phash: flipLowBits(goodHash, 20) },
      { photoCode: 10, phash: flipLowBits(goodHash, 3) },
    ];

    const verdict = judgeImage(buildInput({ photoCode: 5, otherStepHashes }), defaultQaSettings);

    expect(verdict).toMatchObject({ reason: 'Wrong View', nearestOtherStep: { photoCode: 10, hammingDistance: 3 } });
  });

  it.each<[Partial<ImageMeasures>, QaReason]>([
    [{ width: 300, height: 400, meanLuma: 10, laplacianVariance: 1 }, 'Low Resolution'],
    [{ width: 3000, height: 4000, meanLuma: 10, laplacianVariance: 1 }, 'Wrong Orientation'],
    [{ width: 4000, height: 3000, meanLuma: 10, laplacianVariance: 1 }, 'Too Dark'],
    [{ width: 4000, height: 3000, meanLuma: 230, laplacianVariance: 1 }, 'Too Bright'],
    [{ width: 4000, height: 3000, meanLuma: 120, laplacianVariance: 1 }, 'Blurry Image'],
    [{ width: 4000, height: 3000, meanLuma: 120, laplacianVariance: 400 }, 'Wrong View'],
  ])('checks in order resolution, orientation, exposure, blur, duplicate: %o fails as %s', (overrides, expected) => {
    const input = buildInput({
      measures: buildMeasures(overrides),
      otherStepHashes: [{ photoCode: 1, phash: goodHash }],
    });

    expect(judgeImage(input, defaultQaSettings).reason).toBe(expected);
  });

  it('prefers Too Dark to Too Bright when an image is both (dark mean, clipped highlights)', () => {
    const measures = buildMeasures({ meanLuma: 40, brightShare: 0.35 });

    expect(judgeImage(buildInput({ measures }), defaultQaSettings).reason).toBe('Too Dark');
  });

  it('uses the thresholds it is given', () => {
    const settings = { ...defaultQaSettings, blurVarianceMin: 500 };

    expect(judgeImage(buildInput(), settings).reason).toBe('Blurry Image');
  });

  it.each<[Partial<ImageMeasures>, string]>([
    [{ width: 600, height: 400 }, 'Low Resolution'],
    [{ width: 3024, height: 4032 }, 'Wrong Orientation'],
    [{ meanLuma: 20 }, 'Too Dark'],
    [{ meanLuma: 240 }, 'Too Bright'],
    [{ laplacianVariance: 5 }, 'Blurry Image'],
  ])('spells the reason for %o exactly as the contract: %s', (overrides, text) => {
    expect(judgeImage(buildInput({ measures: buildMeasures(overrides) }), defaultQaSettings).reason).toBe(text);
  });
});
