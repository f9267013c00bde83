// `node apps/api/dist/qa-throughput.js [count]`: image QA throughput on 12-megapixel JPEGs, one core
// (sharp.concurrency(1); run with UV_THREADPOOL_SIZE=1), against a bare sharp decode of the same files.
// Prints one JSON object. Used by tools/bench; not part of the server.
import { isExteriorCode } from '@pave/domain';
import sharp from 'sharp';
import { decodeImage } from '../qa/decode-image.js';
import { judgeImage } from '../qa/judge-image.js';
import { measureImage } from '../qa/measure-image.js';
import { paintScene } from '../qa/paint-scene.js';
import { defaultQaSettings } from '../qa/qa-settings.js';

const width = 4000;
const height = 3000;

/** A 12 MP photo-like JPEG: a painted scene upscaled, with sensor-like noise so it compresses like a photo. */
async function makePhoto(seed: number): Promise<Buffer> {
  const scene = paintScene({ seed, width: 1000, height: 750 });
  const base = await sharp(Buffer.from(scene.data.buffer), { raw: { width: 1000, height: 750, channels: 3 } })
    .resize(width, height, { kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  let state = seed * 2654435761;
  for (let i = 0; i < base.length; i += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    base[i] = Math.max(0, Math.min(255, (base[i] ?? 0) + ((state >> 20) % 13) - 6));
  }
  return sharp(base, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The QA checks alone: the analysis raster decoded straight from the upload (shrink-on-load), measures, verdict. */
async function qaOnly(bytes: Buffer): Promise<void> {
  const long = defaultQaSettings.analysisLongSide;
  const { data, info } = await sharp(bytes, { autoOrient: true, failOn: 'error' })
    .resize(long, long, { fit: 'inside' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const measures = measureImage({
    data,
    width: info.width,
    height: info.height,
    imageWidth: width,
    imageHeight: height,
  });
  judgeImage({ measures, photoCode: 4, exterior: isExteriorCode(4), otherStepHashes: [] }, defaultQaSettings);
}

/** What an upload costs the server: decode, stored JPEG, thumbnail, analysis raster, measures and verdict. */
async function fullPipeline(bytes: Buffer): Promise<void> {
  const decoded = await decodeImage(bytes, defaultQaSettings);
  if (!decoded.ok) throw new Error(`benchmark image refused: ${decoded.error.message}`);
  const measures = measureImage(decoded.value.raster);
  judgeImage({ measures, photoCode: 4, exterior: true, otherStepHashes: [] }, defaultQaSettings);
}

async function bareDecode(bytes: Buffer): Promise<void> {
  await sharp(bytes).raw().toBuffer();
}

async function timeEach(images: readonly Buffer[], work: (bytes: Buffer) => Promise<void>) {
  await work(images[0] ?? Buffer.alloc(0));
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const image of images) await work(image);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    imagesPerSecond: images.length / seconds,
    imagesPerCpuSecond: images.length / cpuSeconds,
    msPerImage: (seconds * 1000) / images.length,
  };
}

async function main(): Promise<void> {
  sharp.concurrency(1);
  sharp.cache(false);
  const count = Number(process.argv[2] ?? 12);
  const images = await Promise.all(Array.from({ length: count }, (_, i) => makePhoto(i + 1)));
  const bytes = images.reduce((sum, image) => sum + image.length, 0);
  const decode = await timeEach(images, bareDecode);
  const qa = await timeEach(images, qaOnly);
  const full = await timeEach(images, fullPipeline);
  process.stdout.write(
    `${JSON.stringify({ images: count, megapixels: (width * height) / 1e6, meanBytes: Math.round(bytes / count), bareDecode: decode, qaChecks: qa, fullUpload: full })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
