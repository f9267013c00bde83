import sharp from 'sharp';
import { decodeImage, inspectUpload, type DecodedImage, type DecodeResult } from './decode-image.js';
import { measureImage } from './measure-image.js';
import { defaultQaSettings } from './qa-settings.js';
import { sniffImageFormat } from './sniff-image-format.js';
import {
  makeDecompressionBomb,
  makeNonImage,
  makeRotatedGpsImage,
  makeSceneImage,
  makeTinyImage,
  makeTruncatedJpeg,
  readExifSummary,
  rotationMarkerSize,
  type TestImageFormat,
} from './test-images.js';

function expectDecoded(result: DecodeResult): DecodedImage {
  if (!result.ok) throw new Error(`expected a decoded image, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Mean RGB of a square of the given size at a corner of an encoded image. */
async function cornerColour(image: Buffer, corner: 'top-left' | 'top-right', size: number): Promise<number[]> {
  const { width } = await sharp(image).metadata();
  const left = corner === 'top-left' ? 0 : width - size;
  const pixels = await sharp(image).extract({ left, top: 0, width: size, height: size }).raw().toBuffer();
  const sums = [0, 0, 0];
  pixels.forEach((value, i) => (sums[i % 3] = (sums[i % 3] ?? 0) + value));
  return sums.map((sum) => Math.round(sum / (size * size)));
}

describe('decodeImage', () => {
  it.each<TestImageFormat>(['jpeg', 'png', 'webp', 'avif'])('accepts %s and produces every output', async (format) => {
    const input = await makeSceneImage({ seed: 11, format });

    const image = expectDecoded(await decodeImage(input, defaultQaSettings));

    expect(image).toMatchObject({ format, originalWidth: 800, originalHeight: 600, width: 800, height: 600 });
    expect([sniffImageFormat(image.jpeg.data), image.jpeg.width, image.jpeg.height]).toEqual(['jpeg', 800, 600]);
    expect([sniffImageFormat(image.thumbnail.data), image.thumbnail.width, image.thumbnail.height]).toEqual([
      'jpeg',
      320,
      240,
    ]);
    expect([image.raster.width, image.raster.height, image.raster.data.length]).toEqual([512, 384, 512 * 384]);
    expect([image.raster.imageWidth, image.raster.imageHeight]).toEqual([800, 600]);
  });

  it('shrinks the stored JPEG to storedLongSide and never enlarges a small image', async () => {
    const settings = { ...defaultQaSettings, storedLongSide: 400 };

    const large = expectDecoded(await decodeImage(await makeSceneImage({ seed: 12 }), settings));
    const tiny = expectDecoded(await decodeImage(await makeTinyImage({ seed: 12 }), defaultQaSettings));

    expect([large.jpeg.width, large.jpeg.height]).toEqual([400, 300]);
    expect([tiny.jpeg.width, tiny.thumbnail.width, tiny.raster.width, tiny.raster.height]).toEqual([
      320, 320, 320, 240,
    ]);
  });

  it('applies EXIF orientation 6: the 800x600 stored pixels become a 600x800 portrait', async () => {
    const input = await makeRotatedGpsImage({ seed: 13 });

    const image = expectDecoded(await decodeImage(input, defaultQaSettings));

    expect(image).toMatchObject({ originalWidth: 800, originalHeight: 600, width: 600, height: 800 });
    expect([image.jpeg.width, image.jpeg.height, image.thumbnail.height]).toEqual([600, 800, 427]);
    expect([image.raster.width, image.raster.height]).toEqual([384, 512]);
  });

  it('rotates clockwise: the marker of the stored top-left corner ends up top-right', async () => {
    const image = expectDecoded(await decodeImage(await makeRotatedGpsImage({ seed: 14 }), defaultQaSettings));
    const size = rotationMarkerSize - 10;

    const [topRight, topLeft] = await Promise.all([
      cornerColour(image.jpeg.data, 'top-right', size),
      cornerColour(image.jpeg.data, 'top-left', size),
    ]);

    expect(topRight.map((value) => value > 200)).toEqual([true, false, false]);
    expect(topLeft).not.toEqual(topRight);
  });

  it('strips EXIF, including GPS and orientation, from the stored JPEG and the thumbnail', async () => {
    const input = await makeRotatedGpsImage({ seed: 15 });

    const image = expectDecoded(await decodeImage(input, defaultQaSettings));

    expect(await readExifSummary(input)).toEqual({ hasExif: true, orientation: 6, hasGps: true });
    expect(await readExifSummary(image.jpeg.data)).toEqual({ hasExif: false, orientation: null, hasGps: false });
    expect(await readExifSummary(image.thumbnail.data)).toEqual({ hasExif: false, orientation: null, hasGps: false });
    expect(image.jpeg.data.includes(Buffer.from('GPS', 'latin1'))).toBe(false);
  });

  it('flattens transparency onto white', async () => {
    const transparent = await sharp({ create: { width: 700, height: 500, channels: 4, background: '#0000' } })
      .png()
      .toBuffer();

    const image = expectDecoded(await decodeImage(transparent, defaultQaSettings));

    expect(measureImage(image.raster)).toMatchObject({ meanLuma: 255, brightShare: 1 });
  });

  it('turns a 16-bit PNG into an 8-bit analysis raster', async () => {
    const deep = await sharp(await makeSceneImage({ seed: 16, width: 700, height: 500 }))
      .toColourspace('rgb16')
      .png()
      .toBuffer();

    const image = expectDecoded(await decodeImage(deep, defaultQaSettings));

    expect([image.raster.data.length, measureImage(image.raster).meanLuma > 60]).toEqual([512 * 366, true]);
  });
});

describe('decodeImage refusals', () => {
  it('refuses text bytes as not_an_image', async () => {
    const result = await decodeImage(makeNonImage(), defaultQaSettings);

    expect(result).toEqual({
      ok: false,
      error: { code: 'not_an_image', message: 'The file is not a JPEG, PNG, WebP or AVIF image.' },
    });
  });

  it('refuses a truncated JPEG as not_an_image, saying why', async () => {
    const result = await decodeImage(await makeTruncatedJpeg({ seed: 17 }), defaultQaSettings);

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not_an_image',
        message: 'The image data cannot be decoded (VipsJpeg: premature end of JPEG image).',
      },
    });
  });

  it.each([
    ['a truncated PNG', async () => (await makeSceneImage({ seed: 18, format: 'png' })).subarray(0, 5000)],
    ['a truncated WebP', async () => (await makeSceneImage({ seed: 18, format: 'webp' })).subarray(0, 5000)],
    [
      'a PNG signature followed by garbage',
      async () => Buffer.concat([makeDecompressionBomb().subarray(0, 8), makeNonImage()]),
    ],
    ['a JPEG marker followed by text', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), makeNonImage()])],
  ])('refuses %s as not_an_image', async (_name, build) => {
    const result = await decodeImage(await build(), defaultQaSettings);

    expect(result.ok ? 'decoded' : result.error.code).toBe('not_an_image');
  });

  it('refuses bytes over maxInputBytes as too_large, and accepts exactly maxInputBytes', async () => {
    const input = await makeSceneImage({ seed: 19 });

    const over = await decodeImage(input, { ...defaultQaSettings, maxInputBytes: input.length - 1 });
    const exact = await decodeImage(input, { ...defaultQaSettings, maxInputBytes: input.length });

    expect(over).toEqual({
      ok: false,
      error: { code: 'too_large', message: `The file has ${input.length} bytes; the limit is ${input.length - 1}.` },
    });
    expect(exact.ok).toBe(true);
  });

  it('refuses a 400-megapixel PNG bomb of 50 kB as too_many_pixels', async () => {
    const bomb = makeDecompressionBomb();

    const result = await decodeImage(bomb, defaultQaSettings);

    expect(bomb.length).toBeLessThan(100_000);
    expect(result).toEqual({
      ok: false,
      error: { code: 'too_many_pixels', message: 'The image has more than 50000000 pixels.' },
    });
  });

  it.each<TestImageFormat>(['jpeg', 'png', 'webp', 'avif'])(
    'refuses a %s of 800x600 over maxPixels 479999, accepts it at 480000',
    async (format) => {
      const input = await makeSceneImage({ seed: 20, format, width: 800, height: 600 });

      const over = await decodeImage(input, { ...defaultQaSettings, maxPixels: 479_999 });
      const exact = await decodeImage(input, { ...defaultQaSettings, maxPixels: 480_000 });

      expect([over.ok ? 'decoded' : over.error.code, exact.ok]).toEqual(['too_many_pixels', true]);
    },
  );
});

describe('inspectUpload (what image QA decodes)', () => {
  const withoutFiles = (result: DecodeResult) => {
    if (!result.ok) return result;
    const { jpeg, thumbnail, ...inspected } = result.value;
    expect([jpeg.data.length, thumbnail.data.length]).not.toContain(0);
    return { ok: true, value: inspected };
  };

  it.each([
    ['a JPEG', () => makeSceneImage({ seed: 22 })],
    ['a PNG', () => makeSceneImage({ seed: 22, format: 'png' })],
    ['a JPEG with EXIF orientation 6', () => makeRotatedGpsImage({ seed: 22 })],
    ['a tiny JPEG', () => makeTinyImage({ seed: 22 })],
    ['a truncated JPEG', () => makeTruncatedJpeg({ seed: 22 })],
    ['text', () => Promise.resolve(makeNonImage())],
    ['a PNG bomb', () => Promise.resolve(makeDecompressionBomb())],
  ])('gives %s exactly the header, raster or refusal decodeImage gives it', async (_name, build) => {
    const input = await build();

    const inspected = await inspectUpload(input, defaultQaSettings);
    const decoded = await decodeImage(input, defaultQaSettings);

    expect(inspected).toEqual(withoutFiles(decoded));
  });

  it('measures the upload itself: a 12 MP JPEG is read at reduced scale into a 512 px raster', async () => {
    const input = await makeSceneImage({ seed: 23, width: 4000, height: 3000 });

    const inspected = await inspectUpload(input, defaultQaSettings);

    expect(
      inspected.ok && [inspected.value.width, inspected.value.raster.width, inspected.value.raster.height],
    ).toEqual([4000, 512, 384]);
  });
});

describe('decodeImage with broken settings', () => {
  it('throws (a bug) instead of refusing the upload', async () => {
    const input = await makeSceneImage({ seed: 21 });

    await expect(decodeImage(input, { ...defaultQaSettings, storedJpegQuality: 0 })).rejects.toThrow('quality');
  });
});
