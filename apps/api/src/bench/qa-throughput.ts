// `node apps/api/dist/bench/qa-throughput.js [count] [rounds]`: image QA throughput on 12-megapixel JPEGs, one core
// (sharp.concurrency(1); run with UV_THREADPOOL_SIZE=1), against a bare sharp decode of the same files, in
// interleaved rounds (each round times every kind of work on every image). Prints one JSON object: per kind of
// work, its best round and the median of its rounds. Used by tools/bench; not part of the server.
import { isExteriorCode } from '@pave/domain';
import sharp from 'sharp';
import { decodeImage, inspectUpload } from '../qa/decode-image.js';
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

/** The QA checks alone, as the server runs them: header checks, analysis raster (shrink-on-load), measures, verdict. */
async function qaOnly(bytes: Buffer): Promise<void> {
  const inspected = await inspectUpload(bytes, defaultQaSettings);
  if (!inspected.ok) throw new Error(`benchmark image refused: ${inspected.error.message}`);
  const measures = measureImage(inspected.value.raster);
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

type Timing = { imagesPerSecond: number; imagesPerCpuSecond: number; msPerImage: number };

async function timeEach(images: readonly Buffer[], work: (bytes: Buffer) => Promise<void>): Promise<Timing> {
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

/** The best round (a shared machine only ever slows a run down) with the median of all rounds beside it. */
function summarise(timings: readonly Timing[]) {
  const sorted = [...timings].sort((a, b) => a.imagesPerSecond - b.imagesPerSecond);
  const best = sorted.at(-1);
  if (!best) throw new Error('invariant: at least one round');
  const middle = sorted[Math.floor((sorted.length - 1) / 2)] ?? best;
  return { ...best, medianImagesPerSecond: middle.imagesPerSecond, rounds: timings.length };
}

const works = { bareDecode, qaChecks: qaOnly, fullUpload: fullPipeline } as const;

async function main(): Promise<void> {
  sharp.concurrency(1);
  sharp.cache(false);
  const count = Number(process.argv[2] ?? 12);
  const rounds = Number(process.argv[3] ?? 5);
  const images = await Promise.all(Array.from({ length: count }, (_, i) => makePhoto(i + 1)));
  const bytes = images.reduce((sum, image) => sum + image.length, 0);
  const timings = { bareDecode: [] as Timing[], qaChecks: [] as Timing[], fullUpload: [] as Timing[] };
  for (const work of Object.values(works)) await work(images[0] ?? Buffer.alloc(0)); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, work] of Object.entries(works))
      timings[name as keyof typeof works].push(await timeEach(images, work));
  }
  const summary = {
    images: count,
    megapixels: (width * height) / 1e6,
    meanBytes: Math.round(bytes / count),
    bareDecode: summarise(timings.bareDecode),
    qaChecks: summarise(timings.qaChecks),
    fullUpload: summarise(timings.fullUpload),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
