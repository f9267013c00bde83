import { crc32, deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { paintScene } from './paint-scene.js';

/** An encoded format the generators can write. */
export type TestImageFormat = 'jpeg' | 'png' | 'webp' | 'avif';

/** What scene to paint: the seed picks the scene, the rest its size and encoding (default 800x600 JPEG). */
export type SceneOptions = { seed: number; width?: number; height?: number; format?: TestImageFormat };

function encode(image: Sharp, format: TestImageFormat): Promise<Buffer> {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 90 }).toBuffer();
    case 'png':
      return image.png({ compressionLevel: 1 }).toBuffer();
    case 'webp':
      return image.webp({ quality: 90, effort: 0 }).toBuffer();
    case 'avif':
      return image.avif({ quality: 70, effort: 0 }).toBuffer();
  }
}

function sceneSharp(options: SceneOptions): Sharp {
  const { seed, width = 800, height = 600 } = options;
  const raster = paintScene({ seed, width, height });
  return sharp(raster.data, { raw: { width, height, channels: 3 } });
}

/** A sharp, well-exposed landscape photo (synthetic), different for every seed; QA accepts it. */
export function makeSceneImage(options: SceneOptions): Promise<Buffer> {
  return encode(sceneSharp(options), options.format ?? 'jpeg');
}

/** The scene at 15% of its brightness: Too Dark. */
export function makeDarkImage(options: SceneOptions): Promise<Buffer> {
  return encode(sceneSharp(options).linear(0.15, 0), options.format ?? 'jpeg');
}

/** The scene pushed up by 1.7x + 95 levels: mean luma above 230, 30-60% of the pixels clipped at 255: Too Bright. */
export function makeOverexposedImage(options: SceneOptions): Promise<Buffer> {
  return encode(sceneSharp(options).linear(1.7, 95), options.format ?? 'jpeg');
}

/**
 * The scene under a Gaussian blur; `sigma` in pixels defaults to width / 100 (8 px at 800 wide, badly out
 * of focus): Blurry Image. Measured on the 800x600 scenes, sigma <= 1 px passes, sigma >= 2 px is Blurry.
 */
export function makeBlurredImage(options: SceneOptions & { sigma?: number }): Promise<Buffer> {
  const sigma = options.sigma ?? (options.width ?? 800) / 100;
  return encode(sceneSharp(options).blur(sigma), options.format ?? 'jpeg');
}

/** A 600x800 portrait scene: Wrong Orientation on an exterior step, accepted elsewhere. */
export function makePortraitImage(options: { seed: number }): Promise<Buffer> {
  return makeSceneImage({ seed: options.seed, width: 600, height: 800 });
}

/** A 320x240 scene: Low Resolution. */
export function makeTinyImage(options: { seed: number }): Promise<Buffer> {
  return makeSceneImage({ seed: options.seed, width: 320, height: 240 });
}

/** The same photo shrunk to 85%, 3% brighter and re-encoded as a JPEG at quality 70: a near-duplicate. */
export async function makeRecompressedCopy(image: Buffer): Promise<Buffer> {
  const { width } = await sharp(image).metadata();
  return sharp(image)
    .resize({ width: Math.round(width * 0.85) })
    .linear(1.03, 0)
    .jpeg({ quality: 70 })
    .toBuffer();
}

/** Text bytes that are no image at all. */
export function makeNonImage(): Buffer {
  return Buffer.from('%PDF-1.7 this is a text file pretending to be a photo\n'.repeat(40), 'utf8');
}

/** A scene JPEG cut off after 60% of its bytes, as an interrupted upload leaves it. */
export async function makeTruncatedJpeg(options: { seed: number }): Promise<Buffer> {
  const jpeg = await makeSceneImage({ seed: options.seed });
  return jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid 1-bit black PNG of 20000x20000 pixels (400 megapixels) in about 50 kB.
 * Built by hand, since encoding it through libvips would take seconds.
 */
export function makeDecompressionBomb(options: { width?: number; height?: number } = {}): Buffer {
  const { width = 20_000, height = 20_000 } = options;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth 1, colour type 0 (greyscale), default compression/filter/interlace
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = deflateSync(rows, { level: 9 });
  return Buffer.concat([
    signature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Where the phone was: a GPS position in EXIF notation (degrees, minutes, seconds as rationals). */
const gpsExif = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '48/1 51/1 24/1',
  GPSLongitudeRef: 'E',
  GPSLongitude: '2/1 21/1 3/1',
};

/** The size of the pure red square painted at the stored top-left corner of {@link makeRotatedGpsImage}. */
export const rotationMarkerSize = 80;

/**
 * An 800x600 scene stored with EXIF orientation 6 (display rotated 90° clockwise: a 600x800 portrait)
 * and a GPS position, as phones write them. A pure red square marks the stored top-left corner,
 * which a correct rotation moves to the top-right.
 */
export function makeRotatedGpsImage(options: { seed: number }): Promise<Buffer> {
  const raster = paintScene({ seed: options.seed, width: 800, height: 600 });
  for (let y = 0; y < rotationMarkerSize; y++) {
    for (let x = 0; x < rotationMarkerSize; x++) raster.data.set([255, 0, 0], (y * 800 + x) * 3);
  }
  return sharp(raster.data, { raw: { width: 800, height: 600, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD3: gpsExif })
    .toBuffer();
}

/** What EXIF an encoded image carries: its orientation tag, and whether IFD0 points to a GPS directory. */
export type ExifSummary = { hasExif: boolean; orientation: number | null; hasGps: boolean };

function hasGpsPointer(exif: Buffer): boolean {
  const tiff = exif.subarray(exif.toString('latin1', 0, 4) === 'Exif' ? 6 : 0);
  const littleEndian = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number): number => (littleEndian ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd0 = littleEndian ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  const gpsInfoTag = 0x8825;
  return Array.from({ length: u16(ifd0) }, (_, i) => u16(ifd0 + 2 + 12 * i)).includes(gpsInfoTag);
}

/** Reads the EXIF summary of an encoded image (for tests that check metadata is written or stripped). */
export async function readExifSummary(image: Buffer): Promise<ExifSummary> {
  const { exif, orientation } = await sharp(image).metadata();
  return {
    hasExif: exif !== undefined,
    orientation: orientation ?? null,
    hasGps: exif !== undefined && hasGpsPointer(exif),
  };
}
