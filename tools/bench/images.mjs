// Image storage: upload → verdict latency with images in a folder and in a bucket (s3rver, local), and GET of a
// stored image through the API (folder; bucket streamed through) against the same object straight from the object
// server (a presigned URL), all in this run. Both APIs run on SQLite, so only the image store differs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startObjectServer } from '../scripts/lib/object-server.mjs';
import { startApi } from './lib/api-server.mjs';
import { measureLatency } from './lib/latency.mjs';
import { benchApiEnv, captureHeaders, createSessionWithLink } from './lib/bench-account.mjs';

const apiEnv = { ...benchApiEnv, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

/** A photo-like 2 MP JPEG: a gradient with sensor-like noise, different for every seed. */
async function makeJpeg(seed) {
  const width = 1600;
  const height = 1200;
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed * 2654435761;
  for (let i = 0; i < pixels.length; i += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const x = (i / 3) % width;
    pixels[i] = Math.max(0, Math.min(255, 60 + (x / width) * 120 + (i % 3) * 20 + ((state >> 20) % 31) - 15));
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** Milliseconds from sending an upload to having its verdict; the photo's URL. */
async function timeUpload(baseUrl, jpeg) {
  const { session_key: key, capture_url: captureUrl } = await createSessionWithLink(baseUrl);
  const form = new FormData();
  form.append('image', new Blob([jpeg], { type: 'image/jpeg' }), 'photo.jpg');
  const started = performance.now();
  const response = await fetch(`${baseUrl}/v1/capture/${key}/photos/2`, {
    method: 'POST',
    body: form,
    headers: captureHeaders(captureUrl),
  });
  const photo = await response.json();
  const ms = performance.now() - started;
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(photo)}`);
  return { ms, url: photo.url };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v) => Math.round(v * 10) / 10;
  return { uploads: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) };
};

/** Uploads `count` photos to each API, alternating, so both see the same machine load. */
async function benchUploads(apis, jpegs, count) {
  const samples = Object.fromEntries(apis.map((api) => [api.name, []]));
  const urls = {};
  for (let index = 0; index < count; index += 1) {
    for (const api of apis) {
      const { ms, url } = await timeUpload(api.baseUrl, jpegs[index % jpegs.length]);
      samples[api.name].push(ms);
      urls[api.name] = url;
    }
  }
  return { latency: Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, summary(s)])), urls };
}

/** GET of one image: each target for `rounds` interleaved rounds, keeping its best round (by req/s). */
async function benchGets(targets, { durationSeconds, rounds }) {
  const best = {};
  for (let round = 0; round < rounds; round += 1) {
    for (const target of targets) {
      const url = new URL(target.url);
      const result = await measureLatency({
        baseUrl: url.origin,
        path: () => `${url.pathname}${url.search}`,
        concurrency: 4,
        durationSeconds,
      });
      console.log(
        `  round ${round + 1} GET ${target.name.padEnd(40)} ${result.reqPerSec} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  non-2xx ${result.non2xx}`,
      );
      if (!best[target.name] || result.reqPerSec > best[target.name].reqPerSec) best[target.name] = result;
    }
  }
  return best;
}

export async function benchImages({ uploads = 24, durationSeconds = 5, rounds = 2 } = {}) {
  const folders = await Promise.all(
    ['objects', 'folder', 'bucket', 'presign'].map((n) => mkdtemp(join(tmpdir(), `pave-bench-${n}-`))),
  );
  const [objectsDir, folderDir, bucketDir, presignDir] = folders;
  const objects = await startObjectServer({ directory: objectsDir, bucket: 'pave-bench' });
  const folderApi = await startApi({ env: { ...apiEnv, PAVE_DATA_DIR: folderDir } });
  const bucketApi = await startApi({ env: { ...apiEnv, ...objects.env, PAVE_DATA_DIR: bucketDir } });
  const presignApi = await startApi({
    env: { ...apiEnv, ...objects.env, PAVE_DATA_DIR: presignDir, PAVE_IMAGE_REDIRECT: 'presigned' },
  });
  try {
    const jpegs = await Promise.all(Array.from({ length: 6 }, (_, seed) => makeJpeg(seed + 1)));
    const apis = [
      { name: 'folder', baseUrl: folderApi.baseUrl },
      { name: 'bucket', baseUrl: bucketApi.baseUrl },
    ];
    const { latency, urls } = await benchUploads(apis, jpegs, uploads);
    console.log(`  upload → verdict: ${JSON.stringify(latency)}`);
    const path = new URL(urls.bucket).pathname;
    const redirect = await fetch(`${presignApi.baseUrl}${path}`, { redirect: 'manual' });
    const presigned = redirect.headers.get('location');
    if (redirect.status !== 302 || !presigned) throw new Error(`no presigned redirect: ${redirect.status}`);
    const gets = await benchGets(
      [
        { name: 'API, folder store', url: urls.folder },
        { name: 'API, bucket store (streamed through)', url: `${bucketApi.baseUrl}${path}` },
        { name: 'object server directly (presigned URL)', url: presigned },
      ],
      { durationSeconds, rounds },
    );
    return {
      jpegBytes: Math.round(jpegs.reduce((sum, j) => sum + j.length, 0) / jpegs.length),
      fullBytes: (await (await fetch(presigned)).arrayBuffer()).byteLength,
      uploads,
      durationSeconds,
      rounds,
      upload: latency,
      get: gets,
    };
  } finally {
    await Promise.all([folderApi.stop(), bucketApi.stop(), presignApi.stop()]);
    await objects.stop();
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  }
}
