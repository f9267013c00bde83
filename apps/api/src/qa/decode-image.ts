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

/**
 * The stored JPEG, reduced (when larger than `storedLongSide`) with the Catmull-Rom cubic kernel rather than sharp's
 * default Lanczos 3: measured on 12 MP photos, 12-15 ms less CPU per photo, and the two results differ by less than
 * the quality-85 encode itself does (PSNR 56 dB between them, 41-42 dB from the encode).
 */
const storedFrom = (source: Sharp, settings: QaSettings): Promise<EncodedJpeg> =>
  toEncodedJpeg(
    source
      .resize({ ...inside(settings.storedLongSide), kernel: 'cubic' })
      .jpeg(jpegOptions(settings.storedJpegQuality)),
  );

const thumbnailFrom = (source: Sharp, settings: QaSettings): Promise<EncodedJpeg> =>
  toEncodedJpeg(
    source
      .resize({ width: settings.thumbnailWidth, withoutEnlargement: true })
      .jpeg(jpegOptions(settings.thumbnailJpegQuality)),
  );

/** The greyscale raster QA measures, checked to have one channel. */
async function toRaster(pipeline: Sharp, header: Header): Promise<AnalysisRaster> {
  const { data, info }: { data: Buffer; info: OutputInfo } = await pipeline
    .greyscale()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`invariant: the analysis raster has 1 channel, got ${info.channels}`);
  return { data, width: info.width, height: info.height, imageWidth: header.width, imageHeight: header.height };
}

/** An image decoded into memory: 8-bit pixels, 1 (grey) or 3 (sRGB) channels. */
type Preview = { readonly data: Buffer; readonly width: number; readonly height: number; readonly channels: 1 | 3 };

/**
 * A JPEG decoded once, in colour, at the size of the analysis raster (long side `analysisLongSide`): libjpeg decodes
 * at 1/2 to 1/8 scale where it can (shrink-on-load), so this costs little more than reading the entropy-coded data
 * once. The raster and the thumbnail are both made from it instead of from two decodes of the file: measured on the
 * capture app's 2560-px JPEGs, 20 ms of CPU for both against 37 ms. Null for another channel count (never seen).
 */
async function previewFrom(source: Sharp, settings: QaSettings): Promise<Preview | null> {
  const { data, info } = await source
    .resize(inside(settings.analysisLongSide))
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  return channels === 1 || channels === 3 ? { data, width, height, channels } : null;
}

/** Pixels in memory: what is done with them is pure work (a failure is a bug). */
const openPreview = ({ data, width, height, channels }: Preview): Sharp =>
  sharp(data, { raw: { width, height, channels } });

/** The raster in a pipeline of its own over the upload: made grey, then reduced (PNG, WebP, AVIF). */
const ownRasterFrom = (open: () => Sharp, header: Header, settings: QaSettings) =>
  untrusted(toRaster(open().resize(inside(settings.analysisLongSide)), header), settings);

/**
 * The preview of a JPEG (see {@link previewFrom}); null without one: for PNG, WebP and AVIF (their decoders have no
 * cheap reduced-scale decode to share), or a JPEG whose preview has an unexpected channel count.
 */
async function previewOf(open: () => Sharp, isJpeg: boolean, settings: QaSettings) {
  return isJpeg ? untrusted(previewFrom(open(), settings), settings) : { ok: true as const, value: null };
}

/**
 * The analysis raster: from the JPEG's preview, converted to grey; else in a pipeline of its own, converted to grey,
 * then reduced. Either way it is read at reduced scale where the decoder can.
 */
async function rasterFrom(
  open: () => Sharp,
  isJpeg: boolean,
  header: Header,
  settings: QaSettings,
): Promise<Result<AnalysisRaster, DecodeError>> {
  const preview = await previewOf(open, isJpeg, settings);
  if (!preview.ok) return preview;
  if (preview.value) return { ok: true, value: await toRaster(openPreview(preview.value), header) };
  return ownRasterFrom(open, header, settings);
}

type RasterAndThumbnail = { readonly raster: AnalysisRaster; readonly thumbnail: EncodedJpeg };

/**
 * Raster and thumbnail, with one decode for both where there is a preview (the thumbnail has its own pipeline only
 * when the preview is narrower than the thumbnail would be: a very tall image). Every pipeline over the upload reads
 * the whole file, so a corrupt one is refused.
 */
async function rasterAndThumbnailFrom(
  open: () => Sharp,
  isJpeg: boolean,
  header: Header,
  settings: QaSettings,
): Promise<Result<RasterAndThumbnail, DecodeError>> {
  const preview = await previewOf(open, isJpeg, settings);
  if (!preview.ok) return preview;
  const shared = preview.value;
  const fromPixels = <T>(work: Promise<T>) => work.then((value) => ({ ok: true as const, value }));
  const [raster, thumbnail] = await Promise.all([
    shared ? fromPixels(toRaster(openPreview(shared), header)) : ownRasterFrom(open, header, settings),
    shared && shared.width >= Math.min(settings.thumbnailWidth, header.width)
      ? fromPixels(thumbnailFrom(openPreview(shared), settings))
      : untrusted(thumbnailFrom(open(), settings), settings),
  ]);
  if (!raster.ok) return raster;
  if (!thumbnail.ok) return thumbnail;
  return { ok: true, value: { raster: raster.value, thumbnail: thumbnail.value } };
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
 * An upload that fits the stored size: raster and thumbnail (one decode for both, see {@link rasterAndThumbnailFrom})
 * and, unless kept as uploaded, the stored JPEG, straight from the upload, side by side.
 */
async function decodeFitting(bytes: Buffer, checked: CheckedHeader, settings: QaSettings): Promise<DecodeResult> {
  const open = () => openUpload(bytes, checked.details, settings);
  const kept = keptAsUploaded(bytes, checked, settings);
  const isJpeg = checked.header.format === 'jpeg';
  const [outputs, stored] = await Promise.all([
    rasterAndThumbnailFrom(open, isJpeg, checked.header, settings),
    kept ? { ok: true as const, value: kept } : untrusted(storedFrom(open(), settings), settings),
  ]);
  if (!outputs.ok) return outputs;
  if (!stored.ok) return stored;
  return { ok: true, value: { ...checked.header, jpeg: stored.value, ...outputs.value } };
}

/**
 * An upload larger than the stored size (a 12 MP photo): one full decode, into the stored JPEG; the raster and the
 * thumbnail then come from that JPEG at reduced scale (one decode for both) instead of a second decode of the upload.
 */
async function decodeLarger(bytes: Buffer, checked: CheckedHeader, settings: QaSettings): Promise<DecodeResult> {
  const stored = await untrusted(storedFrom(openUpload(bytes, checked.details, settings), settings), settings);
  if (!stored.ok) return stored;
  const outputs = await rasterAndThumbnailFrom(() => openStored(stored.value), true, checked.header, settings);
  if (!outputs.ok) throw new Error(`invariant: the stored JPEG decodes (${outputs.error.message})`);
  return { ok: true, value: { ...checked.header, jpeg: stored.value, ...outputs.value } };
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
  const open = () => openUpload(bytes, details, settings);
  const raster = await rasterFrom(open, header.format === 'jpeg', header, settings);
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
