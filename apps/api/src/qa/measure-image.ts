/**
 * The greyscale raster QA measures: one luma byte (0 = black, 255 = white) per pixel, row by row,
 * of the EXIF-oriented image downscaled to a fixed long side, plus the size of the image itself.
 */
export type AnalysisRaster = {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
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
  /** 64-bit DCT perceptual hash of the analysis raster, 16 lowercase hex digits. */
  phash: string;
};

/** Luma at or below which a pixel counts as near-black in `darkShare`. */
export const darkPixelMaxLuma = 15;
/** Luma at or above which a pixel counts as a clipped highlight in `brightShare`. */
export const brightPixelMinLuma = 250;

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

function lumaHistogram(data: Uint8Array): Float64Array {
  const histogram = new Float64Array(256);
  for (const luma of data) histogram[luma] = (histogram[luma] ?? 0) + 1;
  return histogram;
}

/** The smallest luma value at or below which at least `share` of the pixels lie. */
function percentile(histogram: Float64Array, total: number, share: number): number {
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
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const value =
        4 * (data[i] ?? 0) - (data[i - 1] ?? 0) - (data[i + 1] ?? 0) - (data[i - width] ?? 0) - (data[i + width] ?? 0);
      sum += value;
      sumOfSquares += value * value;
    }
  }
  const count = Math.max(0, width - 2) * Math.max(0, height - 2);
  if (count === 0) return 0;
  return round(sumOfSquares / count - (sum / count) ** 2, 1);
}

const hashGrid = 32;
const hashBlock = 8;

/** Cell index of each source coordinate when `size` pixels are averaged into 32 cells (each cell gets >= 1 pixel). */
function cellOf(size: number): Int32Array {
  return Int32Array.from({ length: size }, (_, i) => Math.min(hashGrid - 1, Math.floor((i * hashGrid) / size)));
}

/** The raster area-averaged onto a 32x32 grid, aspect ratio ignored (as in the usual pHash). */
function shrinkToGrid(raster: AnalysisRaster): Float64Array {
  const sums = new Float64Array(hashGrid * hashGrid);
  const counts = new Float64Array(hashGrid * hashGrid);
  const [columns, rows] = [cellOf(raster.width), cellOf(raster.height)];
  for (let y = 0; y < raster.height; y++) {
    const rowCell = (rows[y] ?? 0) * hashGrid;
    for (let x = 0; x < raster.width; x++) {
      const cell = rowCell + (columns[x] ?? 0);
      sums[cell] = (sums[cell] ?? 0) + (raster.data[y * raster.width + x] ?? 0);
      counts[cell] = (counts[cell] ?? 0) + 1;
    }
  }
  return sums.map((sum, cell) => sum / Math.max(1, counts[cell] ?? 0));
}

const cosines = Float64Array.from({ length: hashBlock * hashGrid }, (_, index) => {
  const [u, x] = [Math.floor(index / hashGrid), index % hashGrid];
  return Math.cos(((2 * x + 1) * u * Math.PI) / (2 * hashGrid));
});

/** The 8x8 lowest-frequency coefficients of the 2-D DCT-II of the 32x32 grid, row-major (v, then u). */
function lowFrequencies(grid: Float64Array): number[] {
  const dot = (u: number, at: (k: number) => number): number => {
    let total = 0;
    for (let k = 0; k < hashGrid; k++) total += (cosines[u * hashGrid + k] ?? 0) * at(k);
    return total;
  };
  const rowsDct = Array.from({ length: hashGrid }, (_, y) =>
    Array.from({ length: hashBlock }, (_, u) => dot(u, (x) => grid[y * hashGrid + x] ?? 0)),
  );
  return Array.from({ length: hashBlock * hashBlock }, (_, index) => {
    const [v, u] = [Math.floor(index / hashBlock), index % hashBlock];
    return dot(v, (y) => rowsDct[y]?.[u] ?? 0);
  });
}

/**
 * pHash (as in the `imagehash` Python library): 32x32 area average, 2-D DCT, the 8x8 lowest frequencies,
 * one bit per coefficient set when it is above their median. Robust to resizing, recompression and
 * small exposure changes; not to crops, rotations or a different viewpoint.
 */
function perceptualHash(raster: AnalysisRaster): string {
  const coefficients = lowFrequencies(shrinkToGrid(raster));
  const sorted = [...coefficients].sort((a, b) => a - b);
  const median = ((sorted[31] ?? 0) + (sorted[32] ?? 0)) / 2;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    const bits = coefficients.slice(nibble * 4, nibble * 4 + 4).map((value) => (value > median ? 1 : 0));
    hex += bits.reduce((acc: number, bit) => acc * 2 + bit, 0).toString(16);
  }
  return hex;
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

const hexHash = /^[0-9a-f]{16}$/;

/** Number of differing bits between two 64-bit hashes written as 16 hex digits; throws on any other input (a bug). */
export function hammingDistance(a: string, b: string): number {
  if (!hexHash.test(a) || !hexHash.test(b))
    throw new Error(`invariant: hashes are 16 lowercase hex digits (${a}, ${b})`);
  let distance = 0;
  for (let i = 0; i < 16; i++) {
    let diff = parseInt(a[i] ?? '0', 16) ^ parseInt(b[i] ?? '0', 16);
    for (; diff > 0; diff >>= 1) distance += diff & 1;
  }
  return distance;
}
