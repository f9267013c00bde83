import sharp from 'sharp';
import { makeBlurredImage, makeDarkImage, makePortraitImage, makeSceneImage } from './test-images.js';

async function meanLuma(buffer: Buffer): Promise<number> {
  const stats = await sharp(buffer).greyscale().stats();
  return stats.channels[0]?.mean ?? Number.NaN;
}

describe('test images', () => {
  it('paints landscape 1024x768 JPEG scenes, well exposed, different for every seed', async () => {
    const [first, second] = await Promise.all([makeSceneImage({ seed: 1 }), makeSceneImage({ seed: 2 })]);

    expect(await sharp(first.buffer).metadata()).toMatchObject({ format: 'jpeg', width: 1024, height: 768 });
    expect(first).toMatchObject({ name: 'scene-1.jpg', mimeType: 'image/jpeg' });
    expect(await meanLuma(first.buffer)).toBeGreaterThan(70);
    expect(await meanLuma(first.buffer)).toBeLessThan(190);
    expect(first.buffer.equals(second.buffer)).toBe(false);
  });

  it('paints the same scene again for the same seed', async () => {
    const [first, again] = await Promise.all([makeSceneImage({ seed: 7 }), makeSceneImage({ seed: 7 })]);

    expect(first.buffer.equals(again.buffer)).toBe(true);
  });

  it('makes a dark scene with a mean luma under 40', async () => {
    const dark = await makeDarkImage({ seed: 3 });

    expect(await meanLuma(dark.buffer)).toBeLessThan(40);
  });

  it('makes a 768x1024 portrait and a blurred scene', async () => {
    const [portrait, blurred] = await Promise.all([makePortraitImage({ seed: 4 }), makeBlurredImage({ seed: 5 })]);

    expect(await sharp(portrait.buffer).metadata()).toMatchObject({ width: 768, height: 1024 });
    expect(await sharp(blurred.buffer).metadata()).toMatchObject({ width: 1024, height: 768 });
  });
});
