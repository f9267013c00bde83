import { photoNameOf } from './photo-names.js';
import { qaChecksOf } from './qa-measures.js';

// what the server records for an upload: the measures and the thresholds it was judged against (default settings)
const thresholds = {
  minLongSide: 640,
  minShortSide: 480,
  darkMeanLuma: 45,
  darkP95Luma: 80,
  brightMeanLuma: 215,
  brightShareMax: 0.3,
  blurVarianceMin: 60,
  duplicateMaxHamming: 8,
};
const goodPhoto = {
  width: 2560,
  height: 1920,
  meanLuma: 120.5,
  p05Luma: 12,
  p95Luma: 230,
  darkShare: 0.01,
  brightShare: 0.0042,
  laplacianVariance: 412.3,
  phash: '0123456789abcdef',
  format: 'jpeg',
  bytes: 1_234_567,
  originalWidth: 2560,
  originalHeight: 1920,
  nearestOtherStepCode: 4,
  nearestOtherStepDistance: 30,
  ...thresholds,
};

function lines(measures: Record<string, number | string | boolean>, photoCode: Parameters<typeof qaChecksOf>[1] = 10) {
  return qaChecksOf(measures, photoCode).map((check) => `${check.text} ${check.passed ? '✓' : '✗'}`);
}

describe('qaChecksOf', () => {
  it('says every check of a good exterior photo in plain words, in the order the server applies them', () => {
    expect(lines(goodPhoto)).toEqual([
      'Long side 2560 px, needs 640 px ✓',
      'Short side 1920 px, needs 480 px ✓',
      'Orientation landscape, needs landscape ✓',
      'Brightness 120.5, needs 45 to 215 ✓',
      'Brightest tones 230, needs 80 ✓',
      'Clipped highlights 0.4%, at most 30% ✓',
      'Sharpness 412.3, needs 60 ✓',
      'Difference from Left side 30, needs more than 8 ✓',
    ]);
  });

  it.each([
    ['a dark photo', { meanLuma: 11 }, 'Brightness 11, needs 45 to 215 ✗'],
    ['a bright photo', { meanLuma: 230 }, 'Brightness 230, needs 45 to 215 ✗'],
    ['no mid-tones', { p95Luma: 60 }, 'Brightest tones 60, needs 80 ✗'],
    ['glare', { brightShare: 0.42 }, 'Clipped highlights 42%, at most 30% ✗'],
    ['a blurry photo', { laplacianVariance: 37.24 }, 'Sharpness 37.2, needs 60 ✗'],
    ['a small photo', { width: 600, height: 500 }, 'Long side 600 px, needs 640 px ✗'],
    ['a portrait side view', { width: 1920, height: 2560 }, 'Orientation portrait, needs landscape ✗'],
    ['a repeated view', { nearestOtherStepDistance: 8 }, 'Difference from Left side 8, needs more than 8 ✗'],
  ])('fails the one check that %s fails', (_name, change, failed) => {
    const failing = lines({ ...goodPhoto, ...change }).filter((line) => line.endsWith('✗'));

    expect(failing).toEqual([failed]);
  });

  it('passes a value exactly at a minimum or maximum threshold, as the server does', () => {
    const checks = qaChecksOf({ ...goodPhoto, meanLuma: 45, brightShare: 0.3, laplacianVariance: 60 }, 10);

    expect(checks.every((check) => check.passed)).toBe(true);
  });

  it('asks for landscape on exterior views only', () => {
    const portrait = { ...goodPhoto, width: 1920, height: 2560 };

    expect(lines(portrait, 2).some((line) => line.startsWith('Orientation'))).toBe(false);
    expect(lines(portrait, 4)).toContain('Orientation portrait, needs landscape ✗');
  });

  it('shows a measure without a verdict when the attempt lacks its threshold', () => {
    const [brightness] = qaChecksOf({ meanLuma: 11 }, 2);

    expect(brightness).toEqual({ label: 'Brightness', value: '11', limit: null, passed: null, text: 'Brightness 11' });
  });

  it('has nothing to say about an attempt without measures, or measures it does not know', () => {
    expect(qaChecksOf(null, 1)).toEqual([]);
    expect(qaChecksOf({ sharpness: 0.82, brightness: '0.55' }, 1)).toEqual([]);
  });

  it('names the most similar other step with the human step name', () => {
    const checks = qaChecksOf({ ...goodPhoto, nearestOtherStepCode: 13 }, 10);

    expect(checks.at(-1)?.label).toBe(`Difference from ${photoNameOf(13)}`);
  });
});
