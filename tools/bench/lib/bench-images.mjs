// Photo-like test JPEGs for the upload benchmark, made with sharp: soft coloured blobs (a low-resolution noise field
// scaled up), hard-edged shapes (SVG), and sensor-like grain, so they compress like photos and pass image QA.
import sharp from 'sharp';

function shapesSvg(seed, width, height) {
  let state = seed * 2654435761;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const shapes = [];
  for (let i = 0; i < 40; i += 1) {
    const colour = `rgb(${Math.floor(next() * 255)},${Math.floor(next() * 255)},${Math.floor(next() * 255)})`;
    const x = Math.floor(next() * width);
    const y = Math.floor(next() * height);
    const size = Math.floor((0.02 + next() * 0.12) * width);
    shapes.push(
      next() < 0.5
        ? `<rect x="${x}" y="${y}" width="${size}" height="${Math.floor(size * 0.6)}" fill="${colour}"/>`
        : `<circle cx="${x}" cy="${y}" r="${Math.floor(size / 2)}" fill="${colour}" fill-opacity="0.8"/>`,
    );
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}</svg>`,
  );
}

async function photoPixels(seed, width, height) {
  const field = await sharp({
    create: {
      width: 32,
      height: 24,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 50 },
    },
  })
    .png()
    .toBuffer();
  const base = await sharp(field)
    .resize(width, height, { kernel: 'cubic' })
    .composite([{ input: shapesSvg(seed, width, height) }])
    .removeAlpha()
    .raw()
    .toBuffer();
  let state = seed * 40503;
  for (let i = 0; i < base.length; i += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    base[i] = Math.max(0, Math.min(255, base[i] + ((state >> 20) % 9) - 4));
  }
  return base;
}

/**
 * What the capture app sends for a photo larger than 2560 px: a 2560×1920 baseline JPEG at quality 0.92 from a canvas
 * (JFIF, no EXIF, upright).
 */
export async function makeCanvasJpeg(seed) {
  const [width, height] = [2560, 1920];
  return sharp(await photoPixels(seed, width, height), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** A 12 MP (4000×3000) phone-camera JPEG at quality 90 with an EXIF block (orientation 1, make and model). */
export async function makePhoneJpeg(seed) {
  const [width, height] = [4000, 3000];
  return sharp(await photoPixels(seed, width, height), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'Bench', Model: 'Phone 12MP', Orientation: '1' } })
    .toBuffer();
}
