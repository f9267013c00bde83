import sharp, { type Sharp } from 'sharp';

/** A file as Playwright's `setInputFiles` takes it: what the phone's camera would hand the page. */
export type TestImage = { readonly name: string; readonly mimeType: 'image/jpeg'; readonly buffer: Buffer };

/** A scene's seed (which scene) and size; landscape 1024×768 unless told. */
export type SceneOptions = { readonly seed: number; readonly width?: number; readonly height?: number };

type Rng = () => number;

/** mulberry32: a tiny seeded PRNG, so a seed always paints the same scene (and QA always judges it alike). */
function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mid-tone colours only, so a scene is well exposed: neither Too Dark nor Too Bright. */
function midTone(rng: Rng): string {
  const channel = () => Math.round(50 + rng() * 160);
  return `rgb(${channel()},${channel()},${channel()})`;
}

function shape(rng: Rng, width: number, height: number): string {
  const [x, y] = [Math.round(rng() * width), Math.round(rng() * height)];
  const size = Math.round((0.03 + rng() * 0.25) * Math.min(width, height));
  const style = `fill="${midTone(rng)}" stroke="${midTone(rng)}" stroke-width="${1 + Math.round(rng() * 6)}"`;
  if (rng() < 0.5) return `<circle cx="${x}" cy="${y}" r="${size}" ${style}/>`;
  return `<rect x="${x - size}" y="${y - size}" width="${size * 2}" height="${Math.round(size * 1.4)}" ${style}/>`;
}

/** Random rectangles and circles with hard edges over a two-tone backdrop: every seed a different picture. */
function sceneSvg(rng: Rng, width: number, height: number): string {
  const horizon = Math.round(height * (0.3 + rng() * 0.4));
  const backdrop =
    `<rect width="${width}" height="${horizon}" fill="${midTone(rng)}"/>` +
    `<rect y="${horizon}" width="${width}" height="${height - horizon}" fill="${midTone(rng)}"/>`;
  const shapes = Array.from({ length: 70 }, () => shape(rng, width, height)).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${backdrop}${shapes}</svg>`;
}

/** A 128×128 tile of grain around mid-grey (±24 levels), tiled over a scene with the overlay blend. */
function noiseTile(rng: Rng): Buffer {
  return Buffer.from(Array.from({ length: noiseTileSide * noiseTileSide * 3 }, () => 104 + Math.round(rng() * 48)));
}

const noiseTileSide = 128;

/**
 * The scene rendered by sharp with sensor-like grain, as raw pixels in a fresh pipeline: sharp composites after
 * every other operation, so the grain must be baked in before a blur or a darkening is applied on top of it.
 */
async function scene(options: SceneOptions): Promise<Sharp> {
  const { seed, width = 1024, height = 768 } = options;
  const rng = createRng(seed);
  const grain = { input: noiseTile(rng), raw: { width: noiseTileSide, height: noiseTileSide, channels: 3 as const } };
  const { data, info } = await sharp(Buffer.from(sceneSvg(rng, width, height)))
    .composite([{ ...grain, tile: true, blend: 'overlay' }])
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
}

async function jpeg(name: string, image: Sharp): Promise<TestImage> {
  return { name, mimeType: 'image/jpeg', buffer: await image.jpeg({ quality: 88 }).toBuffer() };
}

/** A sharp, well-exposed landscape scene (1024×768 unless told): QA accepts it on every step. */
export async function makeSceneImage(options: SceneOptions): Promise<TestImage> {
  return jpeg(`scene-${options.seed}.jpg`, await scene(options));
}

/** The scene at 15 % of its brightness (mean luma well under 40): Too Dark. */
export async function makeDarkImage(options: SceneOptions): Promise<TestImage> {
  return jpeg(`dark-${options.seed}.jpg`, (await scene(options)).linear(0.15, 0));
}

/** A 768×1024 portrait scene: Wrong Orientation on an exterior step. */
export async function makePortraitImage(options: { readonly seed: number }): Promise<TestImage> {
  return jpeg(`portrait-${options.seed}.jpg`, await scene({ seed: options.seed, width: 768, height: 1024 }));
}

/** The scene under a Gaussian blur of 10 px, badly out of focus: Blurry Image. */
export async function makeBlurredImage(options: SceneOptions): Promise<TestImage> {
  return jpeg(`blurred-${options.seed}.jpg`, (await scene(options)).blur(10));
}

/**
 * A 12 MP phone photo held upright: 4000×3000 pixels stored with EXIF orientation 6 (shown rotated 90° clockwise,
 * 3000×4000), as phone cameras write them.
 */
export async function makeUprightPhoneImage(options: { readonly seed: number }): Promise<TestImage> {
  const image = (await scene({ seed: options.seed, width: 4000, height: 3000 })).withMetadata({ orientation: 6 });
  return jpeg(`phone-${options.seed}.jpg`, image);
}
