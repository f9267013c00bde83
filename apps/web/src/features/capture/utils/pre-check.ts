/** Pixels as a canvas gives them: RGBA bytes, row by row. */
export type Pixels = { readonly width: number; readonly height: number; readonly data: ArrayLike<number> };

/** What the local pre-check found wrong with a photo before it is sent (the server's verdict stays authoritative). */
export type PreCheckProblem = 'too_dark' | 'blurry' | 'portrait';

/** The long side, in pixels, of the frame the pre-check looks at: small enough to take a few milliseconds. */
export const preCheckLongSide = 256;

// Stricter than the server's QA (mean luma 45 and 95th percentile 80 at 800 px; blur variance 60): the pre-check
// only catches the obvious, and the driver may still send the photo.
const darkMean = 40;
const darkP95 = 70;
const blurVarianceMin = 12;

function lumaOf(pixels: Pixels): Float32Array {
  const luma = new Float32Array(pixels.width * pixels.height);
  for (let i = 0; i < luma.length; i += 1) {
    const r = pixels.data[i * 4] ?? 0;
    const g = pixels.data[i * 4 + 1] ?? 0;
    const b = pixels.data[i * 4 + 2] ?? 0;
    luma[i] = 0.299 * r + 0.587 * g + 0.114 * b;
  }
  return luma;
}

function isDark(luma: Float32Array): boolean {
  const sorted = Float32Array.from(luma).sort();
  const mean = luma.reduce((sum, value) => sum + value, 0) / Math.max(1, luma.length);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  return mean < darkMean && p95 < darkP95;
}

/** The variance of the 4-neighbour Laplacian: low when nothing in the frame has a sharp edge. */
function laplacianVariance(luma: Float32Array, width: number, height: number): number {
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x;
      const value =
        (luma[i - 1] ?? 0) + (luma[i + 1] ?? 0) + (luma[i - width] ?? 0) + (luma[i + width] ?? 0) - 4 * (luma[i] ?? 0);
      sum += value;
      squares += value * value;
      count += 1;
    }
  }
  if (count === 0) return Number.POSITIVE_INFINITY;
  const mean = sum / count;
  return squares / count - mean * mean;
}

/**
 * The obvious problem of a downscaled frame, if any: upright where the view needs landscape, too dark, or blurry
 * (checked in that order). Null when nothing obvious is wrong.
 */
export function findPreCheckProblem(pixels: Pixels, needsLandscape: boolean): PreCheckProblem | null {
  if (needsLandscape && pixels.height > pixels.width) return 'portrait';
  const luma = lumaOf(pixels);
  if (isDark(luma)) return 'too_dark';
  if (laplacianVariance(luma, pixels.width, pixels.height) < blurVarianceMin) return 'blurry';
  return null;
}

/** The photo scaled down to {@link preCheckLongSide}, upright; null where the browser cannot decode or draw it. */
async function downscaledPixels(photo: Blob): Promise<Pixels | null> {
  if (typeof createImageBitmap !== 'function') return null;
  try {
    const bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
    const scale = Math.min(1, preCheckLongSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    Object.assign(canvas, { width, height });
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context?.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    return context ? context.getImageData(0, 0, width, height) : null;
  } catch {
    return null;
  }
}

/** Pre-checks a photo on a downscaled frame; null when nothing obvious is wrong or it cannot be checked here. */
export async function preCheckPhoto(photo: Blob, needsLandscape: boolean): Promise<PreCheckProblem | null> {
  const pixels = await downscaledPixels(photo);
  return pixels ? findPreCheckProblem(pixels, needsLandscape) : null;
}
