/** An RGB raster, 3 bytes per pixel, row by row. */
export type RgbRaster = { data: Buffer; width: number; height: number };

type Rng = () => number;
type Rgb = readonly [number, number, number];
type Box = { x0: number; y0: number; x1: number; y1: number };

/** mulberry32: a tiny seeded PRNG, so the same seed always paints the same scene. */
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

/** Mid-tone colours only (40..215), so a scene is well exposed before its texture is added. */
function randomColour(rng: Rng): Rgb {
  return [40 + rng() * 175, 40 + rng() * 175, 40 + rng() * 175];
}

function setPixel(raster: RgbRaster, x: number, y: number, colour: Rgb): void {
  const i = (y * raster.width + x) * 3;
  raster.data[i] = colour[0];
  raster.data[i + 1] = colour[1];
  raster.data[i + 2] = colour[2];
}

/** Sky and ground: two vertical gradients split by a tilted horizon whose height and slope vary by seed. */
function paintBackdrop(raster: RgbRaster, rng: Rng): void {
  const { width, height } = raster;
  const [skyTop, skyLow, groundHigh, groundLow] = [
    randomColour(rng),
    randomColour(rng),
    randomColour(rng),
    randomColour(rng),
  ];
  const horizon = height * (0.2 + rng() * 0.5);
  const slope = (rng() - 0.5) * 0.6;
  for (let y = 0; y < height; y++) {
    const t = y / height;
    for (let x = 0; x < width; x++) {
      const isSky = y < horizon + slope * (x - width / 2);
      const [a, b] = isSky ? [skyTop, skyLow] : [groundHigh, groundLow];
      setPixel(raster, x, y, [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
    }
  }
}

function randomBox(rng: Rng, width: number, height: number): Box {
  const w = width * (0.04 + rng() * 0.35);
  const h = height * (0.04 + rng() * 0.35);
  const x0 = Math.floor(rng() * (width - w));
  const y0 = Math.floor(rng() * (height - h));
  return { x0, y0, x1: Math.floor(x0 + w), y1: Math.floor(y0 + h) };
}

/** Hard-edged rectangles and ellipses: the edges a real photo has at every scale. */
function paintShape(raster: RgbRaster, rng: Rng): void {
  const box = randomBox(rng, raster.width, raster.height);
  const colour = randomColour(rng);
  const isEllipse = rng() < 0.5;
  const [cx, cy] = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
  const [rx, ry] = [(box.x1 - box.x0) / 2 || 1, (box.y1 - box.y0) / 2 || 1];
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const inside = !isEllipse || ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
      if (inside) setPixel(raster, x, y, colour);
    }
  }
}

/** Blocky texture (cells of about 1/200 of the width) plus fine grain, like foliage, asphalt and sensor noise. */
function paintTexture(raster: RgbRaster, rng: Rng): void {
  const { width, height, data } = raster;
  const cell = Math.max(2, Math.round(width / 200));
  const columns = Math.ceil(width / cell);
  const offsets = Float32Array.from({ length: columns * Math.ceil(height / cell) }, () => (rng() - 0.5) * 44);
  for (let y = 0; y < height; y++) {
    const rowOffset = Math.floor(y / cell) * columns;
    for (let x = 0; x < width; x++) {
      const shift = (offsets[rowOffset + Math.floor(x / cell)] ?? 0) + (rng() - 0.5) * 10;
      const i = (y * width + x) * 3;
      data[i] = (data[i] ?? 0) + shift;
      data[i + 1] = (data[i + 1] ?? 0) + shift;
      data[i + 2] = (data[i + 2] ?? 0) + shift;
    }
  }
}

/**
 * Paints a synthetic, well-exposed landscape scene, different for every seed: sky and ground gradients,
 * about 30 hard-edged shapes and a texture. Values stay within 13..242, so nothing is clipped.
 */
export function paintScene(options: { seed: number; width: number; height: number }): RgbRaster {
  const { seed, width, height } = options;
  const rng = createRng(seed);
  const raster: RgbRaster = { data: Buffer.alloc(width * height * 3), width, height };
  paintBackdrop(raster, rng);
  const shapes = 24 + Math.floor(rng() * 12);
  for (let i = 0; i < shapes; i++) paintShape(raster, rng);
  paintTexture(raster, rng);
  return raster;
}
