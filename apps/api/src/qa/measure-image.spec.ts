import { type AnalysisRaster, measureImage } from './measure-image.js';

function buildRaster(width: number, height: number, luma: (x: number, y: number) => number): AnalysisRaster {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = luma(x, y);
  return { data, width, height, imageWidth: width * 4, imageHeight: height * 4 };
}

const checkerboard = (x: number, y: number): number => ((x + y) % 2 === 0 ? 255 : 0);

describe('measureImage', () => {
  it('reports the size of the image, not of the raster', () => {
    const measures = measureImage(buildRaster(40, 30, () => 128));

    expect([measures.width, measures.height]).toEqual([160, 120]);
  });

  it('measures a flat mid-grey raster as exposed mid-tone with no edges', () => {
    const measures = measureImage(buildRaster(40, 30, () => 128));

    expect(measures).toMatchObject({
      meanLuma: 128,
      p05Luma: 128,
      p95Luma: 128,
      darkShare: 0,
      brightShare: 0,
      laplacianVariance: 0,
      phash: '8000000000000000',
    });
  });

  it('measures a black and white checkerboard: half dark, half clipped, Laplacian of +-1020', () => {
    const measures = measureImage(buildRaster(10, 10, checkerboard));

    expect(measures).toMatchObject({ meanLuma: 127.5, p05Luma: 0, p95Luma: 255, darkShare: 0.5, brightShare: 0.5 });
    expect(measures.laplacianVariance).toBe(1020 * 1020);
  });

  it('takes percentiles from the histogram', () => {
    const measures = measureImage(buildRaster(100, 1, (x) => x));

    expect([measures.p05Luma, measures.p95Luma, measures.meanLuma]).toEqual([4, 94, 49.5]);
  });

  it('counts luma <= 15 as dark and >= 250 as bright', () => {
    const values = [15, 16, 249, 250];
    const measures = measureImage(buildRaster(4, 1, (x) => values[x] ?? 0));

    expect([measures.darkShare, measures.brightShare]).toEqual([0.25, 0.25]);
  });

  it('gives 0 Laplacian variance to rasters smaller than 3x3 instead of failing', () => {
    expect(measureImage(buildRaster(2, 2, checkerboard)).laplacianVariance).toBe(0);
  });

  it('matches the definitions pixel by pixel on noisy rasters of odd sizes (the fast loops change no value)', () => {
    let state = 7;
    const noise = (): number => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state >> 23;
    };
    for (const [width, height] of [
      [3, 3],
      [17, 5],
      [64, 48],
      [513, 7],
    ] as const) {
      const raster = buildRaster(width, height, () => noise());
      const at = (x: number, y: number): number => raster.data[y * width + x] ?? 0;
      const values: number[] = [];
      for (let y = 1; y < height - 1; y++) {
        for (let x = 1; x < width - 1; x++) {
          values.push(4 * at(x, y) - at(x - 1, y) - at(x + 1, y) - at(x, y - 1) - at(x, y + 1));
        }
      }
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const variance = values.reduce((a, b) => a + b * b, 0) / values.length - mean ** 2;
      const lumas = [...raster.data];
      const measures = measureImage(raster);

      expect(measures.laplacianVariance).toBe(Number(variance.toFixed(1)));
      expect(measures.meanLuma).toBe(Number((lumas.reduce((a, b) => a + b, 0) / lumas.length).toFixed(2)));
      expect(measures.darkShare).toBe(Number((lumas.filter((l) => l <= 15).length / lumas.length).toFixed(4)));
    }
  });
});
