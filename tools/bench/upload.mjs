// Upload → verdict under load: POST /v1/capture/:key/photos/:code with the JPEGs the capture app sends (2560×1920
// canvas output) and with 12 MP phone photos, at 1, 4, 8 and 16 uploads in flight, on SQLite and on PostgreSQL.
// Each worker uploads back to back into its own session (13 steps, then a new session), from its own loopback address. Measured in this run beside
// it: a bare sharp decode-and-resize of the same files (one at a time for CPU, and with as many in flight as cores).
// Server CPU comes from /proc/<pid>/stat (every thread of the server process), split by thread from
// /proc/<pid>/task/*/stat (JavaScript, libvips, the rest), RSS from /proc/<pid>/status.
import http from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureOrder } from '@pave/domain';
import sharp from 'sharp';
import { apiNodeFlags } from '../scripts/lib/api-node-flags.mjs';
import { startApi } from './lib/api-server.mjs';
import { benchApiEnv, createCaptureSession } from './lib/bench-account.mjs';
import { makeCanvasJpeg, makePhoneJpeg } from './lib/bench-images.mjs';
import { createDatabase, dropDatabase } from './lib/seed.mjs';

const clockTicksPerSecond = 100;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round1 = (v) => Math.round(v * 10) / 10;

/** CPU seconds (user + system, all threads) the process has used so far. */
function cpuSecondsOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

/**
 * CPU milliseconds so far of the threads that live as long as the server: `js` the main (JavaScript) thread, `other`
 * the rest but libvips' workers (libuv's pool, where sharp sets pipelines up and files are written, and V8's helpers:
 * garbage collection, compilation).
 */
function threadCpuMsOf(pid) {
  const split = { js: 0, other: 0 };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
    if (!name.startsWith('libvips')) split[tid === String(pid) ? 'js' : 'other'] += ms;
  }
  return split;
}

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/** A multipart body with the one file field, built once per image so the client costs little per upload. */
export function multipart(jpeg) {
  const boundary = `----pavebench${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, jpeg, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

function post(agent, url, form, headers) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': form.contentType, 'content-length': form.body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            retryAfter: Number(res.headers['retry-after'] ?? 0),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(form.body);
  });
}

/** One closed-loop run: `inFlight` workers, each uploading into its own sessions, for `durationSeconds`. */
export async function runLevel({ api, forms, inFlight, durationSeconds }) {
  // every worker is a driver of its own, from its own loopback address (the server limits uploads per address)
  const agents = Array.from(
    { length: inFlight },
    (_, i) => new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.0.${2 + i}` }),
  );
  const sessions = await Promise.all(Array.from({ length: inFlight * 2 }, () => createCaptureSession(api.baseUrl)));
  const samples = [];
  let refused = 0;
  let errors = 0;
  let peakRssMiB = 0;
  const sampler = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, memoryOf(api.child.pid).rssMiB)), 100);
  const cpuBefore = cpuSecondsOf(api.child.pid);
  const threadsBefore = threadCpuMsOf(api.child.pid);
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const worker = async (index) => {
    let step = 0;
    let session = sessions[index];
    while (performance.now() < deadline) {
      if (step === captureOrder.length) {
        session = sessions[index + inFlight] ?? (await createCaptureSession(api.baseUrl));
        sessions[index + inFlight] = undefined;
        step = 0;
      }
      const form = forms[(index + step) % forms.length];
      const url = `${api.baseUrl}/v1/capture/${session.key}/photos/${captureOrder[step]}`;
      const { status, ms, retryAfter } = await post(agents[index], url, form, session.headers);
      if (status === 201) {
        samples.push(ms);
        step += 1;
      } else if (status === 503) {
        refused += 1;
        await new Promise((r) => setTimeout(r, Math.min(retryAfter * 1000, 250)));
      } else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, (_, i) => worker(i)));
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsOf(api.child.pid) - cpuBefore;
  const threadsAfter = threadCpuMsOf(api.child.pid);
  const perUpload = (kind) => round1((threadsAfter[kind] - threadsBefore[kind]) / Math.max(1, samples.length));
  clearInterval(sampler);
  agents.forEach((agent) => agent.destroy());
  samples.sort((a, b) => a - b);
  return {
    inFlight,
    uploads: samples.length,
    uploadsPerSec: round1(samples.length / seconds),
    p50: round1(percentile(samples, 50)),
    p95: round1(percentile(samples, 95)),
    p99: round1(percentile(samples, 99)),
    cpuMsPerUpload: round1((cpuSeconds * 1000) / Math.max(1, samples.length)),
    // libvips' workers come and go (an ended thread leaves /proc/<pid>/task, its time stays in the process's): they
    // get the rest of the process's time; the main thread, libuv's pool and V8's helpers live as long as the server
    cpuSplitMs: {
      js: perUpload('js'),
      vips: round1(
        (cpuSeconds * 1000 - (threadsAfter.js - threadsBefore.js) - (threadsAfter.other - threadsBefore.other)) /
          Math.max(1, samples.length),
      ),
      other: perUpload('other'),
    },
    peakRssMiB: Math.round(Math.max(peakRssMiB, memoryOf(api.child.pid).rssMiB)),
    refused,
    errors,
  };
}

/** The bare work an upload cannot avoid: decode the file and resize it to the stored size, nothing else. */
const decodeAndResize = (bytes) =>
  sharp(bytes).resize({ width: 2560, height: 2560, fit: 'inside', withoutEnlargement: true }).raw().toBuffer();

/** The baseline in this process: CPU per image one at a time, and images/s with one per core in flight. */
async function measureBaseline(images, durationSeconds) {
  for (const image of images) await decodeAndResize(image);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const rounds = 3;
  for (let r = 0; r < rounds; r += 1) for (const image of images) await decodeAndResize(image);
  const used = process.cpuUsage(cpu);
  const oneAtATimeMs = (performance.now() - started) / (rounds * images.length);
  let done = 0;
  const deadline = performance.now() + durationSeconds * 1000;
  const parallelStarted = performance.now();
  const worker = async (index) => {
    for (let i = index; performance.now() < deadline; i += 1) {
      await decodeAndResize(images[i % images.length]);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, (_, i) => worker(i)));
  return {
    cpuMsPerImage: round1((used.user + used.system) / 1000 / (rounds * images.length)),
    msPerImage: round1(oneAtATimeMs),
    imagesPerSec: round1(done / ((performance.now() - parallelStarted) / 1000)),
  };
}

async function withApi(storage, postgresUrl, { main, nodeFlags }, work) {
  const dataDir = await mkdtemp(join(tmpdir(), 'pave-bench-upload-'));
  const database = storage === 'PostgreSQL' ? `pave_bench_upload_${process.pid}_${main ? 'b' : 'a'}` : null;
  const env = { ...benchApiEnv, PAVE_DATA_DIR: dataDir };
  if (database) env.DATABASE_URL = await createDatabase(postgresUrl, database);
  const api = await startApi({ env, ...(main ? { main, execArgv: nodeFlags } : {}) });
  try {
    return await work(api);
  } finally {
    await api.stop();
    if (database) await dropDatabase(postgresUrl, database);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Every row of the benchmark on the API built from this checkout and, with `compareApi` (the `main.js` of another
 * build, e.g. main's), on that one too: both servers run side by side and each row is measured on one, then the
 * other, alternating which goes first, so that both see the same minutes of a shared machine; the row of `pairsAt`
 * uploads in flight is then measured in `extraPairs` more pairs, for a steadier ratio of the two. Each build runs with
 * its own Node.js flags: this one with `apiNodeFlags`, the other with `compareNodeFlags` (what its `npm start` passes).
 */
export async function benchUpload({
  durationSeconds = 6,
  levels = [1, 4, 8, 16],
  postgresUrl,
  compareApi,
  compareCommit,
  compareNodeFlags = [],
  pairsAt = 8,
  extraPairs = 3,
} = {}) {
  const sets = [
    { name: '2560 px', images: await Promise.all([1, 2, 3, 4].map(makeCanvasJpeg)) },
    { name: '12 MP', images: await Promise.all([1, 2, 3, 4].map(makePhoneJpeg)) },
  ];
  const baseline = {};
  for (const set of sets) {
    baseline[set.name] = {
      meanBytes: Math.round(set.images.reduce((sum, i) => sum + i.length, 0) / set.images.length),
      ...(await measureBaseline(set.images, Math.min(durationSeconds, 4))),
    };
    console.log(`  bare decode-and-resize, ${set.name}: ${JSON.stringify(baseline[set.name])}`);
  }
  const storages = postgresUrl ? ['SQLite', 'PostgreSQL'] : ['SQLite'];
  const builds = compareApi
    ? [{ build: 'this' }, { build: 'compared', main: compareApi, nodeFlags: compareNodeFlags }]
    : [{}];
  const runs = [];
  const pairRuns = [];
  const withApis = (storage, work, started = []) =>
    started.length === builds.length
      ? work(started)
      : withApi(storage, postgresUrl, builds[started.length], (api) => withApis(storage, work, [...started, api]));
  for (const storage of storages) {
    await withApis(storage, async (apis) => {
      for (const set of sets) {
        const forms = set.images.map(multipart);
        for (const api of apis) await runLevel({ api, forms, inFlight: 2, durationSeconds: 1 }); // warm-up
        for (const [index, inFlight] of levels.entries()) {
          const order = index % 2 === 0 ? builds.keys() : [...builds.keys()].reverse();
          for (const b of order) {
            const { build } = builds[b];
            const measured = await runLevel({ api: apis[b], forms, inFlight, durationSeconds });
            const result = { ...(build ? { build } : {}), storage, size: set.name, ...measured };
            console.log(`  ${JSON.stringify(result)}`);
            runs.push(result);
          }
        }
        if (apis.length < 2) continue;
        // the ratio of the two builds at one level, measured again in more pairs: one pair moves with the machine
        for (let pair = 0; pair < extraPairs; pair += 1) {
          const order = pair % 2 === 0 ? [1, 0] : [0, 1];
          for (const b of order) {
            const measured = await runLevel({ api: apis[b], forms, inFlight: pairsAt, durationSeconds });
            const result = { build: builds[b].build, storage, size: set.name, pair: pair + 1, ...measured };
            console.log(`  ${JSON.stringify(result)}`);
            pairRuns.push(result);
          }
        }
      }
    });
  }
  const comparison = compareApi
    ? { compareApi, ...(compareCommit ? { compareCommit } : {}), compareNodeFlags, pairsAt, pairRuns }
    : {};
  return { durationSeconds, cores: availableParallelism(), nodeFlags: apiNodeFlags, baseline, runs, ...comparison };
}
