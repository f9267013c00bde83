import sharp from 'sharp';
import { renderDefaultImages } from './default-images.js';

describe('renderDefaultImages', () => {
  it('renders one distinct 800x600 JPEG for VIN and one for Cluster (odometer)', async () => {
    const images = await renderDefaultImages();
    const vin = images.jpegOf(1);
    const odometer = images.jpegOf(3);
    if (!vin || !odometer) throw new Error('a manual-entry step has no default image');
    const metadata = await Promise.all([sharp(vin).metadata(), sharp(odometer).metadata()]);
    expect(metadata.map((m) => [m.format, m.width, m.height])).toEqual([
      ['jpeg', 800, 600],
      ['jpeg', 800, 600],
    ]);
    expect(vin.equals(odometer)).toBe(false);
  });

  it.each([2, 4, 6, 9, 13] as const)('has no default image for photo code %i', async (code) => {
    expect((await renderDefaultImages()).jpegOf(code)).toBeNull();
  });
});
