import { type GreyRaster, perceptualHash } from './perceptual-hash.js';

/**
 * The greyscale raster QA measures: one luma byte (0 = black, 255 = white) per pixel, row by row,
 * of the EXIF-oriented image downscaled to a fixed long side, plus the size of the image itself.
 */
export type AnalysisRaster = GreyRaster & {
  /** The width of the image the raster was made from, after EXIF orientation, in pixels. */
  readonly imageWidth: number;
  /** The height of the image the raster was made from, after EXIF orientation, in pixels. */
  readonly imageHeight: number;
};

/**
 * What QA measured on one image, as plain numbers so it can be stored as JSON and shown to a reviewer.
 * The verdict is computed from exactly these (rounded) values, so it can be recomputed from them.
 */
export type ImageMeasures = {
  /** Image width after EXIF orientation, in pixels (of the upload, not of the analysis raster). */
  width: number;
  /** Image height after EXIF orientation, in pixels. */
  height: number;
  /** Mean luma, 0..255, two decimals. */
  meanLuma: number;
  /** 5th percentile of luma, 0..255: 5% of pixels are at or below it. */
  p05Luma: number;
  /** 95th percentile of luma, 0..255: 5% of pixels are above it. */
  p95Luma: number;
  /** Share (0..1, four decimals) of near-black pixels, luma <= {@link darkPixelMaxLuma}. */
  darkShare: number;
  /** Share (0..1, four decimals) of clipped highlights, luma >= {@link brightPixelMinLuma}. */
  brightShare: number;
  /** Variance of the 4-neighbour Laplacian over the analysis raster, in luma² (one decimal); low = blurry. */
  laplacianVariance: number;
  /** 64-bit DCT perceptual hash of the analysis raster, 16 lowercase hex digits (see `perceptual-hash.ts`). */
  phash: string;
};

/** Luma at or below which a pixel counts as near-black in `darkShare`. */
export const darkPixelMaxLuma = 15;
/** Luma at or above which a pixel counts as a clipped highlight in `brightShare`. */
export const brightPixelMinLuma = 250;

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

// The measures run on the request's thread for every upload (about 200,000 pixels); every sum is an exact integer.

function lumaHistogram(data: Uint8Array): Uint32Array {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) {
    const luma = data[i] ?? 0;
    histogram[luma] = (histogram[luma] ?? 0) + 1;
  }
  return histogram;
}

/** The smallest luma value at or below which at least `share` of the pixels lie. */
function percentile(histogram: Uint32Array, total: number, share: number): number {
  let seen = 0;
  for (let luma = 0; luma < 256; luma++) {
    seen += histogram[luma] ?? 0;
    if (seen >= share * total) return luma;
  }
  return 255;
}

function exposureMeasures(
  data: Uint8Array,
): Pick<ImageMeasures, 'meanLuma' | 'p05Luma' | 'p95Luma' | 'darkShare' | 'brightShare'> {
  const histogram = lumaHistogram(data);
  const total = Math.max(1, data.length);
  let sum = 0;
  let dark = 0;
  let bright = 0;
  histogram.forEach((count, luma) => {
    sum += count * luma;
    if (luma <= darkPixelMaxLuma) dark += count;
    if (luma >= brightPixelMinLuma) bright += count;
  });
  return {
    meanLuma: round(sum / total, 2),
    p05Luma: percentile(histogram, total, 0.05),
    p95Luma: percentile(histogram, total, 0.95),
    darkShare: round(dark / total, 4),
    brightShare: round(bright / total, 4),
  };
}

/** Variance of 4c - up - down - left - right over the interior pixels; 0 for rasters under 3x3. */
function laplacianVariance(raster: AnalysisRaster): number {
  const { data, width, height } = raster;
  let sum = 0;
  let sumOfSquares = 0;
  for (let y = 1; y < height - 1; y++) {
    // along the row, the centre and its right neighbour become the next pixel's left neighbour and centre
    let left = data[y * width] ?? 0;
    let centre = data[y * width + 1] ?? 0;
    const rowEnd = (y + 1) * width - 1;
    for (let i = y * width + 1; i < rowEnd; i++) {
      const right = data[i + 1] ?? 0;
      const value = 4 * centre - left - right - (data[i - width] ?? 0) - (data[i + width] ?? 0);
      sum += value;
      sumOfSquares += value * value;
      left = centre;
      centre = right;
    }
  }
  const count = Math.max(0, width - 2) * Math.max(0, height - 2);
  if (count === 0) return 0;
  return round(sumOfSquares / count - (sum / count) ** 2, 1);
}

/** Measures exposure, sharpness and the perceptual hash of an analysis raster. Never fails. */
export function measureImage(raster: AnalysisRaster): ImageMeasures {
  return {
    width: raster.imageWidth,
    height: raster.imageHeight,
    ...exposureMeasures(raster.data),
    laplacianVariance: laplacianVariance(raster),
    phash: perceptualHash(raster),
  };
}
