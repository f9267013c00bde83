import { type Result } from '@pave/domain';
import sharp, { type JpegOptions, type OutputInfo, type ResizeOptions, type Sharp } from 'sharp';
import { strippedBaselineJpeg } from './baseline-jpeg.js';
import { type AnalysisRaster } from './measure-image.js';
import { type QaSettings } from './qa-settings.js';
import {
  checkedHeader,
  refuseUndecodable,
  type CheckedHeader,
  type DecodeError,
  type Header,
  type HeaderDetails,
} from './read-header.js';
import { type ImageFormat } from './sniff-image-format.js';

export type { DecodeError, DecodeErrorCode } from './read-header.js';

/** A JPEG the server stores, with its pixel size. */
export type EncodedJpeg = { data: Buffer; width: number; height: number };

/** An accepted upload, turned into everything the server stores and measures. */
export type DecodedImage = {
  /** The format the bytes are in (from their magic bytes, confirmed by the decoder). */
  format: ImageFormat;
  /** Pixel width as encoded in the file, before EXIF orientation. */
  originalWidth: number;
  /** Pixel height as encoded in the file, before EXIF orientation. */
  originalHeight: number;
  /** Pixel width after EXIF orientation (what a viewer sees). */
  width: number;
  /** Pixel height after EXIF orientation. */
  height: number;
  /**
   * The image to store: upright, long side at most `storedLongSide`, no metadata (no EXIF, GPS, XMP). An upright
   * baseline JPEG that already fits is stored as uploaded, its metadata segments removed; anything else is re-encoded.
   */
  jpeg: EncodedJpeg;
  /** A small JPEG, `thumbnailWidth` wide (never enlarged), also without metadata. */
  thumbnail: EncodedJpeg;
  /** The greyscale raster every QA measure is taken on (long side at most `analysisLongSide`). */
  raster: AnalysisRaster;
};

/** The outcome of {@link decodeImage}. */
export type DecodeResult = Result<DecodedImage, DecodeError>;

/** What image QA needs of an upload: the header and the analysis raster. */
export type InspectedUpload = Omit<DecodedImage, 'jpeg' | 'thumbnail'>;

/**
 * One decoder pipeline over untrusted bytes: EXIF orientation applied (only when the file says it is not upright: it
 * costs a copy of the image), alpha flattened onto white, refusing truncated or corrupt data (`failOn: 'error'`),
 * anything over `maxPixels`, and work past `decodeTimeoutSeconds`. Outputs carry no metadata, because sharp strips it
 * unless `keepMetadata`/`withMetadata` is called, and nothing here calls them.
 */
function openUpload(bytes: Buffer, details: HeaderDetails, settings: QaSettings): Sharp {
  const upright = details.orientation === undefined || details.orientation === 1;
  return sharp(bytes, {
    failOn: 'error',
    limitInputPixels: settings.maxPixels,
    sequentialRead: true,
    autoOrient: !upright,
  })
    .timeout({ seconds: settings.decodeTimeoutSeconds })
    .flatten({ background: '#ffffff' });
}

/** A JPEG the server wrote itself: decoded at reduced scale (shrink-on-load); a failure is a bug. */
const openStored = (stored: EncodedJpeg): Sharp => sharp(stored.data, { sequentialRead: true });

const inside = (size: number): ResizeOptions => ({
  width: size,
  height: size,
  fit: 'inside',
  withoutEnlargement: true,
});

/** Baseline JPEG without Huffman optimisation: measured on 12 MP input, 6% larger files for 20% less CPU. */
const jpegOptions = (quality: number): JpegOptions => ({ quality, optimiseCoding: false });

async function toEncodedJpeg(pipeline: Sharp): Promise<EncodedJpeg> {
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Runs a pipeline over untrusted bytes: what libvips finds in them becomes a refusal. */
async function untrusted<T>(work: Promise<T>, settings: QaSettings): Promise<Result<T, DecodeError>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return refuseUndecodable(error, settings);
  }
}

const storedFrom = (source: Sharp, settings: QaSettings): Promise<EncodedJpeg> =>
  toEncodedJpeg(source.resize(inside(settings.storedLongSide)).jpeg(jpegOptions(settings.storedJpegQuality)));

const thumbnailFrom = (source: Sharp, settings: QaSettings): Promise<EncodedJpeg> =>
  toEncodedJpeg(
    source
      .resize({ width: settings.thumbnailWidth, withoutEnlargement: true })
      .jpeg(jpegOptions(settings.thumbnailJpegQuality)),
  );

/**
 * The analysis raster: libjpeg decodes a JPEG at 1/2 to 1/8 scale (shrink-on-load, no full-size pixels at all), so
 * QA costs little more than reading the file's entropy-coded data once.
 */
async function rasterFrom(source: Sharp, header: Header, settings: QaSettings): Promise<AnalysisRaster> {
  const { data, info }: { data: Buffer; info: OutputInfo } = await source
    .resize(inside(settings.analysisLongSide))
    .greyscale()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`invariant: the analysis raster has 1 channel, got ${info.channels}`);
  return { data, width: info.width, height: info.height, imageWidth: header.width, imageHeight: header.height };
}

/**
 * The upload's bytes as the stored JPEG, when they can be kept: an upright, 3-channel sRGB baseline JPEG without an
 * ICC profile that already fits `storedLongSide` (what the capture app's canvas produces), metadata removed.
 */
function keptAsUploaded(bytes: Buffer, checked: CheckedHeader, settings: QaSettings): EncodedJpeg | null {
  const { header, details } = checked;
  const upright = details.orientation === undefined || details.orientation === 1;
  const plain = details.channels === 3 && details.space === 'srgb' && !details.icc && !details.hasAlpha;
  const fits = Math.max(header.width, header.height) <= settings.storedLongSide;
  if (header.format !== 'jpeg' || details.isProgressive || !upright || !plain || !fits) return null;
  const data = strippedBaselineJpeg(bytes);
  return data && { data, width: header.width, height: header.height };
}

/**
 * An upload that fits the stored size: raster, thumbnail and (unless kept as uploaded) the stored JPEG, each straight
 * from the upload, side by side. Each pipeline reads the whole file, so a corrupt one is refused by every one.
 */
async function decodeFitting(bytes: Buffer, checked: CheckedHeader, settings: QaSettings): Promise<DecodeResult> {
  const open = () => openUpload(bytes, checked.details, settings);
  const kept = keptAsUploaded(bytes, checked, settings);
  const [raster, thumbnail, stored] = await Promise.all([
    untrusted(rasterFrom(open(), checked.header, settings), settings),
    untrusted(thumbnailFrom(open(), settings), settings),
    kept ? { ok: true as const, value: kept } : untrusted(storedFrom(open(), settings), settings),
  ]);
  if (!raster.ok) return raster;
  if (!thumbnail.ok) return thumbnail;
  if (!stored.ok) return stored;
  return {
    ok: true,
    value: { ...checked.header, jpeg: stored.value, thumbnail: thumbnail.value, raster: raster.value },
  };
}

/**
 * An upload larger than the stored size (a 12 MP photo): one full decode, into the stored JPEG; the raster and the
 * thumbnail then come from that JPEG at reduced scale, side by side, instead of a second decode of the upload.
 */
async function decodeLarger(bytes: Buffer, checked: CheckedHeader, settings: QaSettings): Promise<DecodeResult> {
  const stored = await untrusted(storedFrom(openUpload(bytes, checked.details, settings), settings), settings);
  if (!stored.ok) return stored;
  const [raster, thumbnail] = await Promise.all([
    rasterFrom(openStored(stored.value), checked.header, settings),
    thumbnailFrom(openStored(stored.value), settings),
  ]);
  return { ok: true, value: { ...checked.header, jpeg: stored.value, thumbnail, raster } };
}

/**
 * The QA half of an upload straight from its bytes: the header checks of {@link decodeImage} and the analysis
 * raster, nothing stored. What the QA benchmark measures; {@link decodeImage} takes the raster of an upload larger
 * than the stored size from the stored JPEG instead.
 */
export async function inspectUpload(
  bytes: Buffer,
  settings: QaSettings,
): Promise<Result<InspectedUpload, DecodeError>> {
  const checked = await checkedHeader(bytes, settings);
  if (!checked.ok) return checked;
  const { header, details } = checked.value;
  const raster = await untrusted(rasterFrom(openUpload(bytes, details, settings), header, settings), settings);
  return raster.ok ? { ok: true, value: { ...header, raster: raster.value } } : raster;
}

/**
 * Turns an upload into the stored JPEG, its thumbnail and the QA raster. Refuses, without decoding pixels, bytes over
 * `maxInputBytes` (`too_large`), anything that is not JPEG, PNG, WebP or AVIF by its magic bytes (`not_an_image`),
 * images over `maxPixels` or over the lower cap of a costly decoder (`too_many_pixels`); refuses truncated or corrupt
 * data found while decoding (`not_an_image`) and decoding that takes longer than `decodeTimeoutSeconds`
 * (`too_costly`). Throws only on a bug (e.g. invalid settings).
 */
export async function decodeImage(bytes: Buffer, settings: QaSettings): Promise<DecodeResult> {
  const checked = await checkedHeader(bytes, settings);
  if (!checked.ok) return checked;
  const { width, height } = checked.value.header;
  return Math.max(width, height) <= settings.storedLongSide
    ? decodeFitting(bytes, checked.value, settings)
    : decodeLarger(bytes, checked.value, settings);
}
