import { decodeImage } from './decode-image.js';
import { judgeImage, type QaReasonCode, type QaVerdict, type StepHash } from './judge-image.js';
import { type ImageMeasures, measureImage } from './measure-image.js';
import { hammingDistance } from './perceptual-hash.js';
import { defaultQaSettings } from './qa-settings.js';
import {
  makeBlurredImage,
  makeDarkImage,
  makeOverexposedImage,
  makePortraitImage,
  makeRecompressedCopy,
  makeRotatedGpsImage,
  makeSceneImage,
  makeTinyImage,
} from './test-images.js';

async function measure(bytes: Buffer): Promise<ImageMeasures> {
  const result = await decodeImage(bytes, defaultQaSettings);
  if (!result.ok) throw new Error(`expected a decodable image, got ${result.error.code}`);
  return measureImage(result.value.raster);
}

type Step = { photoCode: number; exterior: boolean; otherStepHashes?: readonly StepHash[] };

async function assess(bytes: Buffer, step: Step): Promise<QaVerdict> {
  const input = { measures: await measure(bytes), otherStepHashes: [], ...step };
  return judgeImage(input, defaultQaSettings);
}

const exteriorStep: Step = { photoCode: 5, exterior: true };
const interiorStep: Step = { photoCode: 2, exterior: false };

describe('generated test images through decodeImage, measureImage and judgeImage', () => {
  type Case = { name: string; build: () => Promise<Buffer>; step: Step; expected: QaReasonCode | null };

  it.each<Case>([
    { name: 'a JPEG scene', build: () => makeSceneImage({ seed: 1 }), step: exteriorStep, expected: null },
    {
      name: 'a PNG scene',
      build: () => makeSceneImage({ seed: 2, format: 'png' }),
      step: exteriorStep,
      expected: null,
    },
    {
      name: 'a WebP scene',
      build: () => makeSceneImage({ seed: 3, format: 'webp' }),
      step: exteriorStep,
      expected: null,
    },
    {
      name: 'an AVIF scene',
      build: () => makeSceneImage({ seed: 4, format: 'avif' }),
      step: exteriorStep,
      expected: null,
    },
    {
      name: 'a 640x480 scene (the minimum)',
      build: () => makeSceneImage({ seed: 5, width: 640, height: 480 }),
      step: exteriorStep,
      expected: null,
    },
    {
      name: 'a 1600x1200 scene',
      build: () => makeSceneImage({ seed: 6, width: 1600, height: 1200 }),
      step: exteriorStep,
      expected: null,
    },
    { name: 'a dark scene', build: () => makeDarkImage({ seed: 7 }), step: exteriorStep, expected: 'too_dark' },
    {
      name: 'an overexposed scene',
      build: () => makeOverexposedImage({ seed: 8 }),
      step: exteriorStep,
      expected: 'too_bright',
    },
    {
      name: 'a badly blurred scene (sigma 8 px)',
      build: () => makeBlurredImage({ seed: 9 }),
      step: exteriorStep,
      expected: 'blurry',
    },
    {
      name: 'a softly blurred scene (sigma 2.5 px)',
      build: () => makeBlurredImage({ seed: 10, sigma: 2.5 }),
      step: exteriorStep,
      expected: 'blurry',
    },
    {
      name: 'a barely softened scene (sigma 0.8 px)',
      build: () => makeBlurredImage({ seed: 11, sigma: 0.8 }),
      step: exteriorStep,
      expected: null,
    },
    {
      name: 'a portrait on an exterior step',
      build: () => makePortraitImage({ seed: 12 }),
      step: exteriorStep,
      expected: 'wrong_orientation',
    },
    {
      name: 'a portrait on an interior step',
      build: () => makePortraitImage({ seed: 13 }),
      step: interiorStep,
      expected: null,
    },
    {
      name: 'a tiny scene (320x240)',
      build: () => makeTinyImage({ seed: 14 }),
      step: exteriorStep,
      expected: 'low_resolution',
    },
    {
      name: 'a dark tiny scene (resolution first)',
      build: () => makeDarkImage({ seed: 15, width: 320, height: 240 }),
      step: exteriorStep,
      expected: 'low_resolution',
    },
    {
      name: 'an EXIF-rotated portrait on an exterior step',
      build: () => makeRotatedGpsImage({ seed: 16 }),
      step: exteriorStep,
      expected: 'wrong_orientation',
    },
    {
      name: 'an EXIF-rotated portrait on an interior step',
      build: () => makeRotatedGpsImage({ seed: 17 }),
      step: interiorStep,
      expected: null,
    },
  ])('judges $name as $expected', async ({ build, step, expected }) => {
    const verdict = await assess(await build(), step);

    expect(verdict.reasonCode).toBe(expected);
  });

  it('never takes 32 different scenes for duplicates of each other', async () => {
    const hashes: string[] = [];
    for (let seed = 100; seed < 132; seed++) hashes.push((await measure(await makeSceneImage({ seed }))).phash);
    const distances = hashes.flatMap((a, i) => hashes.slice(i + 1).map((b) => hammingDistance(a, b)));

    expect(distances).toHaveLength((32 * 31) / 2);
    expect(Math.min(...distances)).toBeGreaterThan(defaultQaSettings.duplicateMaxHamming);
  });

  it('accepts each of 8 steps when the session already holds the 7 other scenes', async () => {
    const photos = await Promise.all(
      [1, 2, 3, 4, 10, 5, 11, 7].map(async (photoCode) => ({
        photoCode,
        bytes: await makeSceneImage({ seed: photoCode + 200 }),
      })),
    );
    const hashes = await Promise.all(
      photos.map(async ({ photoCode, bytes }) => ({ photoCode, phash: (await measure(bytes)).phash })),
    );

    const verdicts = await Promise.all(
      photos.map(({ photoCode, bytes }) => assess(bytes, { photoCode, exterior: true, otherStepHashes: hashes })),
    );

    expect(verdicts.map((verdict) => verdict.reasonCode)).toEqual(Array(8).fill(null));
  });

  it('flags a resized, re-encoded copy of another step’s photo as Wrong View, naming that step', async () => {
    const original = await makeSceneImage({ seed: 300 });
    const otherStepHashes = [{ photoCode: 4, phash: (await measure(original)).phash }];

    const verdict = await assess(await makeRecompressedCopy(original), {
      photoCode: 10,
      exterior: true,
      otherStepHashes,
    });

    expect(verdict.reason).toBe('Wrong View');
    expect(verdict.nearestOtherStep?.photoCode).toBe(4);
    expect(verdict.nearestOtherStep?.hammingDistance).toBeLessThanOrEqual(4);
  });

  it('accepts a retake of the same step even when it is a copy', async () => {
    const original = await makeSceneImage({ seed: 301 });
    const otherStepHashes = [{ photoCode: 10, phash: (await measure(original)).phash }];

    const verdict = await assess(await makeRecompressedCopy(original), {
      photoCode: 10,
      exterior: true,
      otherStepHashes,
    });

    expect(verdict.reasonCode).toBeNull();
  });

  it('paints the same image for the same seed and a different one for another seed', async () => {
    const [first, again, other] = await Promise.all([
      makeSceneImage({ seed: 302, format: 'png' }),
      makeSceneImage({ seed: 302, format: 'png' }),
      makeSceneImage({ seed: 303, format: 'png' }),
    ]);

    expect(first.equals(again)).toBe(true);
    expect(first.equals(other)).toBe(false);
  });
});
