import sharp from 'sharp';
import { strippedBaselineJpeg } from './baseline-jpeg.js';
import { makeSceneImage, readExifSummary } from './test-images.js';

const gpsExif = { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' };

const pixelsOf = (image: Buffer): Promise<Buffer> => sharp(image).raw().toBuffer();

/** A JPEG with one more marker segment (APPn or COM) right after SOI. */
function withSegment(jpeg: Buffer, marker: number, payload: string): Buffer {
  const body = Buffer.from(payload, 'latin1');
  const segment = Buffer.concat([Buffer.from([0xff, marker, 0, 0]), body]);
  segment.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

describe('strippedBaselineJpeg', () => {
  it('keeps a plain baseline JPEG as it is, the very same bytes', async () => {
    const jpeg = await makeSceneImage({ seed: 1 });

    expect(strippedBaselineJpeg(jpeg)).toBe(jpeg);
  });

  it('removes EXIF with GPS, an IPTC-like APP13 and comments, leaving the pixels exactly as they were', async () => {
    const withExif = await sharp(await makeSceneImage({ seed: 2 }))
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Make: 'Phone' }, IFD3: gpsExif })
      .toBuffer();
    const input = withSegment(withSegment(withExif, 0xfe, 'a comment'), 0xed, 'Photoshop 3.0\0data');

    const stripped = strippedBaselineJpeg(input);

    expect(stripped).not.toBeNull();
    expect(await readExifSummary(stripped ?? Buffer.alloc(0))).toEqual({
      hasExif: false,
      orientation: null,
      hasGps: false,
    });
    expect([stripped?.includes('a comment'), stripped?.includes('Photoshop')]).toEqual([false, false]);
    expect((await pixelsOf(stripped ?? Buffer.alloc(0))).equals(await pixelsOf(input))).toBe(true);
  });

  it('drops whatever follows the end-of-image marker', async () => {
    const jpeg = await makeSceneImage({ seed: 3 });

    const stripped = strippedBaselineJpeg(Buffer.concat([jpeg, Buffer.from('trailing payload')]));

    expect(stripped?.equals(jpeg)).toBe(true);
  });

  it.each([
    [
      'a progressive JPEG',
      async () =>
        sharp(await makeSceneImage({ seed: 4 }))
          .jpeg({ progressive: true })
          .toBuffer(),
    ],
    ['an Adobe APP14 segment', async () => withSegment(await makeSceneImage({ seed: 5 }), 0xee, 'Adobe\0\0\0\0\0\0')],
    [
      'an ICC profile',
      async () =>
        sharp(await makeSceneImage({ seed: 6 }))
          .withIccProfile('p3')
          .jpeg()
          .toBuffer(),
    ],
    ['a PNG', () => makeSceneImage({ seed: 7, format: 'png' })],
    ['a JPEG cut off in its header', async () => (await makeSceneImage({ seed: 8 })).subarray(0, 300)],
    ['a JPEG cut off before its end', async () => (await makeSceneImage({ seed: 9 })).subarray(0, 20_000)],
  ])('leaves %s to the decoder (null)', async (_name, build) => {
    expect(strippedBaselineJpeg(await build())).toBeNull();
  });
});
