import type { UploadImageFormat } from '@pave/domain';

/** An image format the server accepts (the domain's list). */
export type ImageFormat = UploadImageFormat;

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const jpegSignature = [0xff, 0xd8, 0xff];

const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  bytes.length < to ? '' : Buffer.from(bytes.subarray(from, to)).toString('latin1');

const hasPrefix = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, i) => bytes[i] === byte);

/** ISO-BMFF `ftyp` box whose major or compatible brands include `avif` (still) or `avis` (sequence). */
function isAvif(bytes: Uint8Array): boolean {
  if (ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxEnd = Math.min(Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0), bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands.includes('avif') || brands.includes('avis');
}

/** The format of an encoded image, told from its first bytes (never from a file name or declared type); null for anything else. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (hasPrefix(bytes, jpegSignature)) return 'jpeg';
  if (hasPrefix(bytes, pngSignature)) return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (isAvif(bytes)) return 'avif';
  return null;
}
