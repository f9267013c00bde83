import { isManualEntryCode, type ManualEntryCode, type PhotoCode } from '@pave/domain';
import sharp from 'sharp';

/** The placeholder JPEGs of the steps that accept a typed value (served at `/images/default/<code>.jpg`). */
export type DefaultImages = {
  /** The JPEG of a manual-entry step; null for any other code. */
  jpegOf(photoCode: PhotoCode): Buffer | null;
};

const captions = {
  1: 'VIN entered manually',
  3: 'Odometer entered manually',
} as const satisfies Record<ManualEntryCode, string>;

const width = 800;
const height = 600;

/** A plain card: a frame, a keyboard-like row of keys (so the image says "typed" even without fonts), the caption. */
function cardSvg(caption: string): string {
  const keys = Array.from({ length: 8 }, (_, index) => {
    const x = 190 + index * 55;
    return `<rect x="${x}" y="190" width="45" height="45" rx="8" fill="#ffffff" stroke="#5b6b7f" stroke-width="3"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="#e9eef4"/>
  <rect x="40" y="40" width="${width - 80}" height="${height - 80}" rx="24" fill="#f7f9fc" stroke="#5b6b7f" stroke-width="4"/>
  ${keys}
  <text x="${width / 2}" y="360" font-family="DejaVu Sans, Arial, sans-serif" font-size="38" font-weight="bold"
    fill="#1f2a37" text-anchor="middle">${caption}</text>
</svg>`;
}

/** Renders the placeholder JPEGs once (at start-up) and keeps them in memory. */
export async function renderDefaultImages(): Promise<DefaultImages> {
  const render = (code: ManualEntryCode) =>
    sharp(Buffer.from(cardSvg(captions[code])))
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer();
  const [vin, odometer] = await Promise.all([render(1), render(3)]);
  const jpegs = { 1: vin, 3: odometer } satisfies Record<ManualEntryCode, Buffer>;
  return { jpegOf: (photoCode) => (isManualEntryCode(photoCode) ? jpegs[photoCode] : null) };
}
