import { type GreyRaster, hammingDistance, perceptualHash } from './perceptual-hash.js';

function buildRaster(width: number, height: number, luma: (x: number, y: number) => number): GreyRaster {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = luma(x, y);
  return { data, width, height };
}

const checkerboard = (x: number, y: number): number => ((x + y) % 2 === 0 ? 255 : 0);

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
