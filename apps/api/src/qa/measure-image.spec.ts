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
});
