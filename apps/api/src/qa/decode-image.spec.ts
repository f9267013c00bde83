import sharp from 'sharp';
import { decodeImage, inspectUpload, type DecodedImage, type DecodeResult } from './decode-image.js';
import { measureImage } from './measure-image.js';
import { refuseUndecodable } from './read-header.js';
import { defaultQaSettings } from './qa-settings.js';
import { sniffImageFormat } from './sniff-image-format.js';
import {
  makeBlurredImage,
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

/** The one refusal of undecodable data, whatever libvips said (its words are not passed on). */
const undecodableMessage =
  'The image data cannot be decoded (it is damaged, cut off, or a variant the decoder does not support).';

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

describe('decodeImage of what the capture app sends', () => {
  it('stores an upright baseline JPEG that fits as uploaded, byte for byte', async () => {
    const input = await makeSceneImage({ seed: 30 });

    const image = expectDecoded(await decodeImage(input, defaultQaSettings));

    expect(image.jpeg).toEqual({ data: input, width: 800, height: 600 });
    expect([image.thumbnail.width, image.raster.width]).toEqual([320, 512]);
  });

  it('stores an upright JPEG with EXIF (orientation 1, GPS) without its EXIF, pixels unchanged', async () => {
    const input = await sharp(await makeSceneImage({ seed: 31 }))
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Orientation: '1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' } })
      .toBuffer();

    const image = expectDecoded(await decodeImage(input, defaultQaSettings));

    expect(await readExifSummary(image.jpeg.data)).toEqual({ hasExif: false, orientation: null, hasGps: false });
    expect(image.jpeg.data.length).toBeLessThan(input.length);
    const [stored, uploaded] = await Promise.all([image.jpeg.data, input].map((b) => sharp(b).raw().toBuffer()));
    expect(stored?.equals(uploaded ?? Buffer.alloc(0))).toBe(true);
  });

  it('re-encodes a progressive JPEG that fits', async () => {
    const input = await sharp(await makeSceneImage({ seed: 32 }))
      .jpeg({ progressive: true })
      .toBuffer();

    const image = expectDecoded(await decodeImage(input, defaultQaSettings));

    expect([image.jpeg.data.equals(input), (await sharp(image.jpeg.data).metadata()).isProgressive]).toEqual([
      false,
      false,
    ]);
  });

  it('takes the raster of a JPEG larger than the stored size from the stored JPEG, measuring it alike', async () => {
    const input = await makeSceneImage({ seed: 33, width: 4000, height: 3000 });

    const image = expectDecoded(await decodeImage(input, defaultQaSettings));
    const inspected = await inspectUpload(input, defaultQaSettings);

    expect([image.jpeg.width, image.raster.width, image.raster.height, image.raster.imageWidth]).toEqual([
      2560, 512, 384, 4000,
    ]);
    const fromStored = measureImage(image.raster);
    const fromUpload = inspected.ok ? measureImage(inspected.value.raster) : null;
    expect(Math.abs(fromStored.meanLuma - (fromUpload?.meanLuma ?? 0))).toBeLessThan(1);
    // measured on 3 seeds: 0.82x on sharp scenes (330-450), 0.98-1.03x near the Blurry threshold of 60
    expect(fromStored.laplacianVariance / (fromUpload?.laplacianVariance ?? 1)).toBeGreaterThan(0.75);
  });

  it.each([
    [5, 'not blurry'],
    [10, 'blurry'],
  ])(
    'judges a 12 MP JPEG blurred by sigma %s px as %s, as its raster from the upload does',
    async (sigma, expected) => {
      const input = await makeBlurredImage({ seed: 34, width: 4000, height: 3000, sigma });

      const image = expectDecoded(await decodeImage(input, defaultQaSettings));
      const inspected = await inspectUpload(input, defaultQaSettings);

      const verdictOf = (variance: number) => (variance < defaultQaSettings.blurVarianceMin ? 'blurry' : 'not blurry');
      expect([
        verdictOf(measureImage(image.raster).laplacianVariance),
        inspected.ok && verdictOf(measureImage(inspected.value.raster).laplacianVariance),
      ]).toEqual([expected, expected]);
    },
  );
});

describe('decodeImage: one reduced-scale decode of a JPEG for the raster and the thumbnail', () => {
  /** What libvips decodes at reduced scale (shrink-on-load) for the analysis size, in colour. */
  const previewOf = (input: Buffer) =>
    sharp(input)
      .resize({ width: 512, height: 512, fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });

  it('makes the raster of a 2560-px capture-app JPEG as the grey of its 512-px colour decode', async () => {
    const input = await makeSceneImage({ seed: 40, width: 2560, height: 1920 });

    const image = expectDecoded(await decodeImage(input, defaultQaSettings));

    const { data, info } = await previewOf(input);
    const grey = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
      .greyscale()
      .raw()
      .toBuffer();
    expect([image.raster.width, image.raster.height, image.raster.imageWidth]).toEqual([512, 384, 2560]);
    expect(Buffer.from(image.raster.data).equals(grey)).toBe(true);
    expect(image.jpeg.data).toBe(input);
  });

  it('still makes a valid 320-px thumbnail JPEG, alike to the image, from that decode', async () => {
    const input = await makeSceneImage({ seed: 41, width: 2560, height: 1920 });

    const image = expectDecoded(await decodeImage(input, defaultQaSettings));

    const thumbnail = await sharp(image.thumbnail.data).metadata();
    expect([thumbnail.format, thumbnail.width, thumbnail.height, thumbnail.isProgressive]).toEqual([
      'jpeg',
      320,
      240,
      false,
    ]);
    expect([image.thumbnail.width, image.thumbnail.height]).toEqual([320, 240]);
    // the same picture as the thumbnail made straight from the upload (1.4 levels apart on average; each is about 5
    // levels from the upload itself, the cost of quality 75)
    const straight = await sharp(input).resize({ width: 320 }).jpeg({ quality: 75 }).toBuffer();
    const [ours, direct] = await Promise.all([image.thumbnail.data, straight].map((b) => sharp(b).raw().toBuffer()));
    const difference = (ours ?? Buffer.alloc(0)).reduce((sum, v, i) => sum + Math.abs(v - (direct?.[i] ?? 0)), 0);
    expect(difference / (320 * 240 * 3)).toBeLessThan(2);
  });

  it('gives a tall JPEG, whose decode is narrower than the thumbnail, a thumbnail as wide as before', async () => {
    const input = await makeSceneImage({ seed: 42, width: 600, height: 1600 });

    const image = expectDecoded(await decodeImage(input, defaultQaSettings));

    expect([image.raster.width, image.raster.height]).toEqual([192, 512]);
    expect([image.thumbnail.width, image.thumbnail.height]).toEqual([320, 853]);
  });

  it('takes a one-channel greyscale JPEG: its raster and a thumbnail', async () => {
    const input = await sharp(await makeSceneImage({ seed: 43, width: 1600, height: 1200 }))
      .greyscale()
      .toColourspace('b-w')
      .jpeg()
      .toBuffer();

    const image = expectDecoded(await decodeImage(input, defaultQaSettings));

    expect((await sharp(input).metadata()).channels).toBe(1);
    expect([image.raster.width, image.raster.height, image.thumbnail.width, image.thumbnail.height]).toEqual([
      512, 384, 320, 240,
    ]);
    expect(sniffImageFormat(image.thumbnail.data)).toBe('jpeg');
  });

  it.each([
    ['a 2560-px JPEG cut off after 60% of its bytes', 2560, 1920],
    ['a 12 MP JPEG cut off after 60% of its bytes', 4000, 3000],
  ])('refuses %s as not_an_image, nothing stored', async (_name, width, height) => {
    const whole = await makeSceneImage({ seed: 44, width, height });

    const result = await decodeImage(whole.subarray(0, Math.floor(whole.length * 0.6)), defaultQaSettings);

    expect(result.ok ? 'decoded' : result.error).toEqual({ code: 'not_an_image', message: undecodableMessage });
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

    // not libvips' own words ("VipsJpeg: premature end of JPEG image"): its error buffer is shared by every operation
    // in flight, so they could be another upload's, or "Unknown error"
    expect(result).toEqual({ ok: false, error: { code: 'not_an_image', message: undecodableMessage } });
  });

  it('gives every undecodable upload the same refusal, however many fail at once', async () => {
    const jpegs = await Promise.all([17, 18, 19, 20].map((seed) => makeTruncatedJpeg({ seed })));
    const png = (await makeSceneImage({ seed: 21, format: 'png' })).subarray(0, 5000);
    const inputs = Array.from({ length: 24 }, (_, index) => (index % 6 === 5 ? png : jpegs[index % 4]));

    const results = await Promise.all(inputs.map((input) => decodeImage(input ?? png, defaultQaSettings)));

    const refusals = results.map((result) => (result.ok ? 'decoded' : result.error));
    expect(new Set(refusals.map((refusal) => JSON.stringify(refusal)))).toEqual(
      new Set([JSON.stringify({ code: 'not_an_image', message: undecodableMessage })]),
    );
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

  it('refuses a progressive JPEG over maxProgressivePixels before decoding it, and takes a baseline one', async () => {
    const baseline = await makeSceneImage({ seed: 24 });
    const progressive = await sharp(baseline).jpeg({ progressive: true }).toBuffer();
    const settings = { ...defaultQaSettings, maxProgressivePixels: 479_999 };

    const [refused, taken] = await Promise.all([decodeImage(progressive, settings), decodeImage(baseline, settings)]);

    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'too_many_pixels',
        message: 'A progressive JPEG may have at most 479999 pixels; send a baseline JPEG.',
      },
    });
    expect(taken.ok).toBe(true);
  });

  it.each<TestImageFormat>(['png', 'webp', 'avif'])(
    'refuses a %s over maxCostlyPixels, while a JPEG of that size passes',
    async (format) => {
      const settings = { ...defaultQaSettings, maxCostlyPixels: 479_999 };
      const [costly, jpeg] = await Promise.all([
        makeSceneImage({ seed: 25, format }),
        makeSceneImage({ seed: 25, format: 'jpeg' }),
      ]);

      const [refused, taken] = await Promise.all([decodeImage(costly, settings), decodeImage(jpeg, settings)]);

      expect([refused.ok ? 'decoded' : refused.error.code, taken.ok]).toEqual(['too_many_pixels', true]);
    },
  );

  it('words a decoder timeout as too_costly', () => {
    expect(refuseUndecodable(new Error('timeout: 12% complete'), defaultQaSettings)).toEqual({
      ok: false,
      error: { code: 'too_costly', message: 'The image takes more than 10 s to decode.' },
    });
  });
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
    [
      'a progressive JPEG',
      () => makeSceneImage({ seed: 22 }).then((b) => sharp(b).jpeg({ progressive: true }).toBuffer()),
    ],
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

  it('measures the upload itself (inspectUpload): a 12 MP JPEG is read at reduced scale into a 512 px raster', async () => {
    const input = await makeSceneImage({ seed: 23, width: 4000, height: 3000 });

    const inspected = await inspectUpload(input, defaultQaSettings);

    expect(
      inspected.ok && [inspected.value.width, inspected.value.raster.width, inspected.value.raster.height],
    ).toEqual([4000, 512, 384]);
  });
});

describe('decodeImage with broken settings', () => {
  it('throws (a bug) instead of refusing the upload', async () => {
    const input = await makeSceneImage({ seed: 21, format: 'png' });

    await expect(decodeImage(input, { ...defaultQaSettings, storedJpegQuality: 0 })).rejects.toThrow('quality');
  });
});
