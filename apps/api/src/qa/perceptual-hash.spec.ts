import { type GreyRaster, hammingDistance, perceptualHash } from './perceptual-hash.js';

function buildRaster(width: number, height: number, luma: (x: number, y: number) => number): GreyRaster {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = luma(x, y);
  return { data, width, height };
}

const checkerboard = (x: number, y: number): number => ((x + y) % 2 === 0 ? 255 : 0);

/**
 * pHash spelled out by its definition: each cell's mean, then each 2-D DCT-II coefficient as the row transforms'
 * column transform, summed in the same order as the fast loops, with the cosine computed per term; bits above the
 * median, first coefficient highest.
 */
function definedHash({ data, width, height }: GreyRaster): string {
  const range = (cell: number, size: number): [number, number] => {
    const start = Math.floor((cell * size) / 32);
    return [start, Math.max(start + 1, Math.floor(((cell + 1) * size) / 32))];
  };
  const cellMean = (row: number, column: number): number => {
    const [[x0, x1], [y0, y1]] = [range(column, width), range(row, height)];
    let sum = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += data[y * width + x] ?? 0;
    return sum / ((x1 - x0) * (y1 - y0));
  };
  const grid = Array.from({ length: 32 }, (_, row) => Array.from({ length: 32 }, (_, column) => cellMean(row, column)));
  const cosine = (frequency: number, at: number): number => Math.cos(((2 * at + 1) * frequency * Math.PI) / 64);
  const rowTransform = (y: number, u: number): number => {
    let total = 0;
    for (let x = 0; x < 32; x++) total += cosine(u, x) * (grid[y]?.[x] ?? 0);
    return total;
  };
  const coefficients: number[] = [];
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let total = 0;
      for (let y = 0; y < 32; y++) total += cosine(v, y) * rowTransform(y, u);
      coefficients.push(Math.round(total * 1e6) / 1e6);
    }
  }
  const sorted = [...coefficients].sort((a, b) => a - b);
  const median = ((sorted[31] ?? 0) + (sorted[32] ?? 0)) / 2;
  const bits = coefficients.map((value) => (value > median ? '1' : '0')).join('');
  return Array.from({ length: 16 }, (_, nibble) =>
    parseInt(bits.slice(nibble * 4, nibble * 4 + 4), 2).toString(16),
  ).join('');
}

describe('perceptualHash', () => {
  it.each([
    ['black', 0, '0000000000000000'],
    ['mid-grey', 128, '8000000000000000'],
  ])('hashes a flat %s raster to its DC bit alone: %s', (_name, luma, expected) => {
    expect(perceptualHash(buildRaster(40, 30, () => luma))).toBe(expected);
  });

  it('hashes a raster and its exact 2x enlargement to the same pHash', () => {
    const pattern = (x: number, y: number): number => (x * 3 + ((y * y) % 97)) % 256;
    const small = perceptualHash(buildRaster(64, 32, pattern));
    const large = perceptualHash(buildRaster(128, 64, (x, y) => pattern(Math.floor(x / 2), Math.floor(y / 2))));

    expect(small).toMatch(/^[0-9a-f]{16}$/);
    expect(small).toBe(large);
  });

  it('hashes a picture and its mirror image far apart', () => {
    const wave = (x: number, y: number): number => 128 + 60 * Math.sin(x / 7) + 60 * Math.cos(y / 5 + x / 20);
    const picture = perceptualHash(buildRaster(96, 64, wave));
    const mirrored = perceptualHash(buildRaster(96, 64, (x, y) => wave(95 - x, y)));

    expect(hammingDistance(picture, mirrored)).toBeGreaterThan(16);
  });

  it('hashes rasters smaller than the 32x32 hash grid without failing', () => {
    expect(perceptualHash(buildRaster(5, 3, checkerboard))).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives the hash of its definition, bit for bit, on noisy and smooth rasters of many sizes', () => {
    let state = 11;
    const noise = (): number => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state >> 23;
    };
    const smooth = (x: number, y: number): number => 128 + 60 * Math.sin(x / 9) + 50 * Math.cos(y / 6 + x / 30);
    const rasters = [
      ...[
        [512, 384],
        [384, 512],
        [33, 31],
        [7, 300],
        [640, 17],
      ].map(([width = 0, height = 0]) => buildRaster(width, height, () => noise())),
      buildRaster(512, 384, smooth),
      buildRaster(100, 75, smooth),
    ];
    const hashes = rasters.map(perceptualHash);

    expect(hashes).toEqual(rasters.map(definedHash));
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('hammingDistance', () => {
  it.each([
    ['0000000000000000', '0000000000000000', 0],
    ['0000000000000000', 'ffffffffffffffff', 64],
    ['0000000000000001', '0000000000000003', 1],
    ['8000000000000000', '0000000000000000', 1],
    ['f0f0f0f0f0f0f0f0', '0f0f0f0f0f0f0f0f', 64],
    ['a5a5a5a5a5a5a5a5', 'a5a5a5a5a5a5a5a4', 1],
  ])('counts the differing bits of %s and %s as %i', (a, b, expected) => {
    expect(hammingDistance(a, b)).toBe(expected);
  });

  it.each(['', 'abc', 'ABCDEF0123456789', '0000000000000000a', 'g000000000000000'])(
    'throws on a malformed hash %p (a bug, not an input error)',
    (bad) => {
      expect(() => hammingDistance(bad, '0000000000000000')).toThrow('invariant');
    },
  );
});
