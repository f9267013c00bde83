// Live updates (#15) on one API instance (SQLite): 1 000 open event streams of one session (memory per stream, and
// how long an event takes to reach all of them: p50/p99 over every stream and event), against a bare node:http
// SSE broadcaster; and the cost of polling `GET …/photos` with If-None-Match (304) against without it (200).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi } from './lib/api-server.mjs';
import { benchAccount, benchApiEnv, captureHeaders, createSessionWithLink } from './lib/bench-account.mjs';
import { measureLatency } from './lib/latency.mjs';
import { percentile, processCpuMs } from './lib/process-cpu.mjs';
import { seedSqlite } from './lib/seed.mjs';
import { signedHeaders } from './lib/sign.mjs';
import { spawnServer } from './lib/spawn-server.mjs';

const now = () => performance.now();
const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Resident memory of `pid` in KiB (Linux), NaN elsewhere. */
function rssKiB(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/**
 * Opens `count` streams on `url` (one connection each) and resolves once every one has answered 200. Each stream
 * calls `onEvent(streamIndex, id)` for every `id:` line it reads.
 */
async function openStreams(url, headers, count, onEvent) {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const requests = [];
  const opened = [];
  for (let index = 0; index < count; index += 1) {
    opened.push(
      new Promise((resolve, reject) => {
        const req = http.get(url, { agent, headers: { ...headers(), accept: 'text/event-stream' } }, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`stream ${index}: ${res.statusCode}`));
          let buffered = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            buffered += chunk;
            let end;
            while ((end = buffered.indexOf('\n')) >= 0) {
              const line = buffered.slice(0, end);
              buffered = buffered.slice(end + 1);
              if (line.startsWith('id: ')) onEvent(index, line.slice(4));
            }
          });
          resolve();
        });
        req.on('error', reject);
        requests.push(req);
      }),
    );
    // a few hundred connections at once overflow the listen backlog of a busy server: open them in small waves
    if (index % 50 === 49) await Promise.all(opened.slice(-50));
  }
  await Promise.all(opened);
  return () => {
    for (const req of requests) req.destroy();
    agent.destroy();
  };
}

/**
 * Opens `streams` streams, then sends `events` events one after another (`send()`), each once every stream had the
 * one before: the time from sending to each stream's reading of it, and the memory the open streams hold.
 */
async function fanOut({ url, headers, streams, events, send, pid }) {
  const rssBefore = rssKiB(pid);
  let newest = 0;
  let pending = null;
  const latencies = [];
  const close = await openStreams(url, headers, streams, (_index, id) => {
    newest = Math.max(newest, Number(id));
    if (!pending || Number(id) !== pending.id) return;
    latencies.push(now() - pending.sentAt);
    pending.left -= 1;
    if (pending.left === 0) pending.done();
  });
  // what the streams replay on opening (the session's earlier events) is over by then
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssOpen = rssKiB(pid);
  const base = newest;
  try {
    for (let i = 0; i < events; i += 1) {
      const arrived = new Promise((done) => (pending = { id: base + 1 + i, left: streams, done, sentAt: now() }));
      await send();
      await arrived;
    }
  } finally {
    close();
  }
  latencies.sort((a, b) => a - b);
  return {
    streams,
    events,
    kibPerStream: round((rssOpen - rssBefore) / streams, 1),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
  };
}

async function apiFanOut(api, streams, events) {
  const session = await createSessionWithLink(api.baseUrl);
  const capture = `${api.baseUrl}/v1/capture/${session.session_key}`;
  const post = async (path, body) => {
    const response = await fetch(`${capture}${path}`, {
      method: 'POST',
      headers: { ...captureHeaders(session.capture_url), 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  await post('/start');
  let sent = 0;
  return fanOut({
    url: `${api.baseUrl}/v1/sessions/${session.session_key}/events`,
    headers: () => signedHeaders(benchAccount),
    streams,
    events,
    pid: api.child.pid,
    // VIN and odometer take turns: each step stays under the per-step attempt cap (20)
    send: () => {
      sent += 1;
      return post(
        '/manual',
        sent % 2 ? { photo_code: 1, value: '1HGCM82633A004352' } : { photo_code: 3, value: '100945' },
      );
    },
  });
}

async function baselineFanOut(streams, events) {
  const server = await spawnServer(process.execPath, [join(import.meta.dirname, 'servers', 'baseline-sse.mjs')]);
  const baseUrl = `http://127.0.0.1:${server.port}`;
  try {
    return await fanOut({
      url: `${baseUrl}/events`,
      headers: () => ({}),
      streams,
      events,
      pid: server.child.pid,
      send: () => fetch(`${baseUrl}/send`, { method: 'POST' }).then((response) => response.arrayBuffer()),
    });
  } finally {
    await server.stop();
  }
}

/** Polling one session's photos (14 attempts) with and without If-None-Match; req/s, latency, server CPU/request. */
async function polling(api, dataDir, durationSeconds) {
  const key = (await createSessionWithLink(api.baseUrl)).session_key;
  seedSqlite(dataDir, [key]);
  const path = `/v1/sessions/${key}/photos`;
  const first = await fetch(`${api.baseUrl}${path}`, { headers: signedHeaders(benchAccount) });
  const etag = first.headers.get('etag');
  await first.arrayBuffer();
  if (!etag) throw new Error('GET …/photos answered no ETag');
  const run = async (extra) => {
    const cpuBefore = processCpuMs(api.child.pid);
    const result = await measureLatency({
      baseUrl: api.baseUrl,
      path: () => path,
      headers: { ...signedHeaders(benchAccount), ...extra },
      concurrency: 16,
      durationSeconds,
    });
    const cpuMs = processCpuMs(api.child.pid) - cpuBefore;
    return { ...result, cpuMsPerRequest: round(cpuMs / result.requests, 4) };
  };
  const without = await run({});
  const conditional = await run({ 'if-none-match': etag });
  return { bodyBytes: Number(first.headers.get('content-length') ?? 0), without, conditional };
}

export async function benchLive({ streams = 1000, events = 20, durationSeconds = 8 } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'pave-bench-live-'));
  const api = await startApi({
    env: {
      ...benchApiEnv,
      PAVE_DATA_DIR: dataDir,
      PAVE_STREAMS_PER_ACCOUNT: String(streams + 10),
      PAVE_STREAMS_PER_INSTANCE: String(streams + 10),
    },
  });
  try {
    const result = {
      api: await apiFanOut(api, streams, events),
      baseline: await baselineFanOut(streams, events),
      polling: await polling(api, dataDir, durationSeconds),
    };
    console.log(`  ${JSON.stringify(result)}`);
    return result;
  } finally {
    await api.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
