import { type Result } from '@pave/domain';
import sharp, { type FormatEnum, type Metadata } from 'sharp';
import { type QaSettings } from './qa-settings.js';
import { type ImageFormat, sniffImageFormat } from './sniff-image-format.js';

/** Why an upload is not an image the server will process (nothing is stored for it). */
export type DecodeErrorCode = 'not_an_image' | 'too_large' | 'too_many_pixels' | 'too_costly';

/** A refused upload: a stable code and a sentence for the caller. */
export type DecodeError = { code: DecodeErrorCode; message: string };

/** An upload's size and format, from its header alone. */
export type Header = {
  format: ImageFormat;
  originalWidth: number;
  originalHeight: number;
  width: number;
  height: number;
};

/** What else the header says that decides how the upload is processed. */
export type HeaderDetails = Pick<Metadata, 'orientation' | 'isProgressive' | 'channels' | 'space' | 'icc' | 'hasAlpha'>;

/** A header that passed every check made before decoding. */
export type CheckedHeader = { readonly header: Header; readonly details: HeaderDetails };

/** A refusal as a failed `Result`. */
export const refuse = (code: DecodeErrorCode, message: string): { ok: false; error: DecodeError } => ({
  ok: false,
  error: { code, message },
});

/** The decoder's own words, first line only: what tells a pixel limit or a timeout from undecodable data. */
function decoderDetail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}

const undecodable =
  'The image data cannot be decoded (it is damaged, cut off, or a variant the decoder does not support).';

/** What libvips said about untrusted bytes, as a refusal: over the pixel limit, over the time limit, or undecodable. */
export function refuseUndecodable(error: unknown, settings: QaSettings): { ok: false; error: DecodeError } {
  const detail = decoderDetail(error);
  if (/pixel limit/i.test(detail)) {
    return refuse('too_many_pixels', `The image has more than ${settings.maxPixels} pixels.`);
  }
  if (/^timeout/i.test(detail)) {
    return refuse('too_costly', `The image takes more than ${settings.decodeTimeoutSeconds} s to decode.`);
  }
  // libvips' own words are not passed on: its error buffer is shared by every operation in flight, so under load they
  // may be another upload's, or "Unknown error"; the refusal says the same thing every time
  return refuse('not_an_image', undecodable);
}

const decoderFormats = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif' } as const satisfies Record<
  ImageFormat,
  keyof FormatEnum
>;

/**
 * The decoders that cost far more per pixel than a baseline JPEG's (which decodes at reduced scale): a progressive
 * JPEG holds every coefficient of the image in memory and decodes it whole, PNG, WebP and AVIF have no cheap
 * reduced-scale decode. They get a lower pixel cap, checked on the header.
 */
function costlyPixelCap(format: ImageFormat, progressive: boolean, settings: QaSettings): number | null {
  if (format === 'jpeg') return progressive ? settings.maxProgressivePixels : null;
  return settings.maxCostlyPixels;
}

function checkCost(header: Header, metadata: Metadata, settings: QaSettings): Result<Header, DecodeError> {
  const progressive = metadata.isProgressive === true;
  const cap = costlyPixelCap(header.format, progressive, settings);
  if (cap === null || header.originalWidth * header.originalHeight <= cap) return { ok: true, value: header };
  const what = progressive ? 'A progressive JPEG' : `A ${header.format.toUpperCase()} image`;
  const instead = progressive ? 'send a baseline JPEG' : 'send a JPEG';
  return refuse('too_many_pixels', `${what} may have at most ${cap} pixels; ${instead}.`);
}

/** Reads the header only; libvips refuses a pixel count over `maxPixels` here, before decoding anything. */
async function readHeader(
  bytes: Buffer,
  format: ImageFormat,
  settings: QaSettings,
): Promise<Result<CheckedHeader, DecodeError>> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: settings.maxPixels }).metadata();
  } catch (error) {
    return refuseUndecodable(error, settings);
  }
  const isAv1 = format !== 'avif' || metadata.compression === 'av1';
  if (metadata.format !== decoderFormats[format] || !isAv1) {
    return refuse('not_an_image', `The file starts like ${format} but does not decode as one.`);
  }
  const { width, height } = metadata.autoOrient;
  const header = { format, originalWidth: metadata.width, originalHeight: metadata.height, width, height };
  const affordable = checkCost(header, metadata, settings);
  if (!affordable.ok) return affordable;
  const { orientation, isProgressive, channels, space, icc, hasAlpha } = metadata;
  return { ok: true, value: { header, details: { orientation, isProgressive, channels, space, icc, hasAlpha } } };
}

/**
 * Refuses, without decoding pixels, bytes over `maxInputBytes` (`too_large`), anything that is not JPEG, PNG, WebP
 * or AVIF by its magic bytes (`not_an_image`), images over `maxPixels`, and images over the lower cap of a costly
 * decoder (`too_many_pixels`).
 */
export async function checkedHeader(bytes: Buffer, settings: QaSettings): Promise<Result<CheckedHeader, DecodeError>> {
  if (bytes.length > settings.maxInputBytes) {
    return refuse('too_large', `The file has ${bytes.length} bytes; the limit is ${settings.maxInputBytes}.`);
  }
  const format = sniffImageFormat(bytes);
  if (format === null) return refuse('not_an_image', 'The file is not a JPEG, PNG, WebP or AVIF image.');
  return readHeader(bytes, format, settings);
}
