/** A greyscale raster: one luma byte per pixel, row by row. */
export type GreyRaster = { readonly data: Uint8Array; readonly width: number; readonly height: number };

const hashGrid = 32;
const hashBlock = 8;

/** The [start, end) source range of each of the 32 cells along an axis of `size` pixels; never empty. */
function cellRanges(size: number): (readonly [number, number])[] {
  return Array.from({ length: hashGrid }, (_, cell) => {
    const start = Math.floor((cell * size) / hashGrid);
    return [start, Math.max(start + 1, Math.floor(((cell + 1) * size) / hashGrid))] as const;
  });
}

function boxMean(raster: GreyRaster, [x0, x1]: readonly [number, number], [y0, y1]: readonly [number, number]): number {
  let sum = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) sum += raster.data[y * raster.width + x] ?? 0;
  }
  return sum / ((x1 - x0) * (y1 - y0));
}

/** The raster area-averaged onto a 32x32 grid, aspect ratio ignored (as in the usual pHash). */
function shrinkToGrid(raster: GreyRaster): Float64Array {
  const [columns, rows] = [cellRanges(raster.width), cellRanges(raster.height)];
  const grid = new Float64Array(hashGrid * hashGrid);
  rows.forEach((rowRange, row) => {
    columns.forEach((columnRange, column) => (grid[row * hashGrid + column] = boxMean(raster, columnRange, rowRange)));
  });
  return grid;
}

const cosines = Float64Array.from({ length: hashBlock * hashGrid }, (_, index) => {
  const [u, x] = [Math.floor(index / hashGrid), index % hashGrid];
  return Math.cos(((2 * x + 1) * u * Math.PI) / (2 * hashGrid));
});

// The two passes below run for every upload: plain loops over typed arrays, no closure or number allocated per term.

/** The 1-D DCT-II of each of the grid's 32 rows, its 8 lowest frequencies: `[y * 8 + u]`. */
function rowFrequencies(grid: Float64Array): Float64Array {
  const rows = new Float64Array(hashGrid * hashBlock);
  for (let y = 0; y < hashGrid; y++) {
    for (let u = 0; u < hashBlock; u++) {
      let total = 0;
      for (let x = 0; x < hashGrid; x++) total += (cosines[u * hashGrid + x] ?? 0) * (grid[y * hashGrid + x] ?? 0);
      rows[y * hashBlock + u] = total;
    }
  }
  return rows;
}

/** The 8x8 lowest-frequency coefficients of the 2-D DCT-II of the 32x32 grid, row-major (v, then u). */
function lowFrequencies(grid: Float64Array): Float64Array {
  const rows = rowFrequencies(grid);
  const coefficients = new Float64Array(hashBlock * hashBlock);
  for (let v = 0; v < hashBlock; v++) {
    for (let u = 0; u < hashBlock; u++) {
      let total = 0;
      for (let y = 0; y < hashGrid; y++) total += (cosines[v * hashGrid + y] ?? 0) * (rows[y * hashBlock + u] ?? 0);
      // rounded so that a flat image hashes to its DC bit alone, not to floating-point noise
      coefficients[v * hashBlock + u] = Math.round(total * 1e6) / 1e6;
    }
  }
  return coefficients;
}

/**
 * pHash (as in the `imagehash` Python library): 32x32 area average, 2-D DCT, the 8x8 lowest frequencies,
 * one bit per coefficient set when it is above their median; 16 lowercase hex digits, first coefficient in
 * the highest bit. Robust to resizing, recompression and small exposure changes; not to crops, rotations
 * or a different viewpoint.
 */
export function perceptualHash(raster: GreyRaster): string {
  const coefficients = lowFrequencies(shrinkToGrid(raster));
  const sorted = Float64Array.from(coefficients).sort();
  const median = ((sorted[31] ?? 0) + (sorted[32] ?? 0)) / 2;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let digit = 0;
    for (let bit = 0; bit < 4; bit++) digit = digit * 2 + ((coefficients[nibble * 4 + bit] ?? 0) > median ? 1 : 0);
    hex += digit.toString(16);
  }
  return hex;
}

const hexHash = /^[0-9a-f]{16}$/;

/** Number of differing bits between two 64-bit hashes written as 16 hex digits; throws on any other input (a bug). */
export function hammingDistance(a: string, b: string): number {
  if (!hexHash.test(a) || !hexHash.test(b)) {
    throw new Error(`invariant: hashes are 16 lowercase hex digits (${a}, ${b})`);
  }
  let distance = 0;
  for (let i = 0; i < 16; i++) {
    let diff = parseInt(a[i] ?? '0', 16) ^ parseInt(b[i] ?? '0', 16);
    for (; diff > 0; diff >>= 1) distance += diff & 1;
  }
  return distance;
}
