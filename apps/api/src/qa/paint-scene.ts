/** An RGB raster, 3 bytes per pixel, row by row. */
export type RgbRaster = { data: Uint8ClampedArray; width: number; height: number };

type Rng = () => number;
type Rgb = [number, number, number];
type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * xorshift32: a tiny seeded PRNG, so the same seed always paints the same scene. Hot loops here avoid
 * `Math.*` calls and temporary arrays: inside Jest's VM context each costs about ten times more than in Node.
 */
function createRng(seed: number): Rng {
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (let i = 0; i < 8; i++) next();
  return next;
}

/** Mid-tone colours only (40..215), so a scene is well exposed before its texture is added. */
function randomColour(rng: Rng): Rgb {
  return [40 + rng() * 175, 40 + rng() * 175, 40 + rng() * 175];
}

function fill(data: Uint8ClampedArray, at: number, colour: readonly number[]): void {
  data[at] = colour[0] ?? 0;
  data[at + 1] = colour[1] ?? 0;
  data[at + 2] = colour[2] ?? 0;
}

/** Sky and ground: two vertical gradients split by a tilted horizon whose height and slope vary by seed. */
function paintBackdrop(raster: RgbRaster, rng: Rng): void {
  const { width, height, data } = raster;
  const sky = [randomColour(rng), randomColour(rng)] as const;
  const ground = [randomColour(rng), randomColour(rng)] as const;
  const horizon = height * (0.2 + rng() * 0.5);
  const slope = (rng() - 0.5) * 0.6;
  for (let y = 0; y < height; y++) {
    const t = y / height;
    const skyRow = sky[0].map((top, c) => top + ((sky[1][c] ?? 0) - top) * t);
    const groundRow = ground[0].map((top, c) => top + ((ground[1][c] ?? 0) - top) * t);
    for (let x = 0; x < width; x++) {
      fill(data, (y * width + x) * 3, y < horizon + slope * (x - width / 2) ? skyRow : groundRow);
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
      const dx = (x - cx) / rx;
      const dy = (y - cy) / ry;
      if (!isEllipse || dx * dx + dy * dy <= 1) fill(raster.data, (y * raster.width + x) * 3, colour);
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
    const rowOffset = ((y / cell) | 0) * columns;
    for (let x = 0; x < width; x++) {
      const shift = (offsets[rowOffset + ((x / cell) | 0)] ?? 0) + (rng() - 0.5) * 10;
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
  // clamped, so a texture pushed past 0 or 255 saturates instead of wrapping around
  const raster: RgbRaster = { data: new Uint8ClampedArray(width * height * 3), width, height };
  paintBackdrop(raster, rng);
  const shapes = 24 + Math.floor(rng() * 12);
  for (let i = 0; i < shapes; i++) paintShape(raster, rng);
  paintTexture(raster, rng);
  return raster;
}
