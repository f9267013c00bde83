// Webhook delivery (#14): event → receiver latency and deliveries per CPU-second of the API (SQLite, one instance,
// default dispatcher settings), against a bare `fetch` POST loop to the same receiver, all in this run. The
// receiver is a separate process, so that the CPU measured is the sender's alone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi } from './lib/api-server.mjs';
import { benchAccount, benchApiEnv, createSessionWithLink, captureHeaders } from './lib/bench-account.mjs';
import { percentile, processCpuMs } from './lib/process-cpu.mjs';
import { signedHeaders } from './lib/sign.mjs';
import { spawnServer } from './lib/spawn-server.mjs';

const now = () => performance.timeOrigin + performance.now();
const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The receiver process: `next()` resolves with the next arrival, `arrivalOf(id)` with that webhook-id's. */
async function startReceiver() {
  const receiver = await spawnServer(process.execPath, [join(import.meta.dirname, 'servers', 'webhook-receiver.mjs')]);
  const waiting = [];
  const arrivals = [];
  const byId = new Map();
  let buffered = '';
  receiver.child.stdout.on('data', (chunk) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^got (\S+) ([\d.]+)$/.exec(line);
      if (!match) continue;
      const arrival = { id: match[1], at: Number(match[2]) };
      const awaited = byId.get(arrival.id);
      if (awaited) {
        byId.delete(arrival.id);
        awaited(arrival);
        continue;
      }
      const next = waiting.shift();
      if (next) next(arrival);
      else arrivals.push(arrival);
    }
  });
  return {
    url: `http://127.0.0.1:${receiver.port}/hook`,
    next: () => (arrivals.length > 0 ? Promise.resolve(arrivals.shift()) : new Promise((r) => waiting.push(r))),
    arrivalOf: (id) => new Promise((r) => byId.set(id, r)),
    stop: receiver.stop,
  };
}

async function signed(baseUrl, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...signedHeaders(benchAccount), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Typed values per session: under the per-step attempt cap (20) with VIN and odometer taking turns. */
const eventsPerSession = 30;

/**
 * The n-th typed value of the run (a VIN or an odometer reading, on the session whose turn it is): one attempt, one
 * `SESSION:STAGE_CHANGE`, no image work.
 */
function manualEntry(baseUrl, sessions, n) {
  const session = sessions[Math.floor(n / eventsPerSession) % sessions.length];
  const entry = n % 2 === 0 ? { photo_code: 1, value: '1HGCM82633A004352' } : { photo_code: 3, value: '100945' };
  return fetch(`${baseUrl}/v1/capture/${session.session_key}/manual`, {
    method: 'POST',
    headers: { ...captureHeaders(session.capture_url), 'content-type': 'application/json' },
    body: JSON.stringify(entry),
  }).then(async (response) => {
    if (!response.ok) throw new Error(`manual: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  });
}

/** Sessions started on their capture link, ready to take typed values. */
async function startedSessions(baseUrl, count) {
  const sessions = [];
  for (let i = 0; i < count; i += 1) {
    const session = await createSessionWithLink(baseUrl);
    const started = await fetch(`${baseUrl}/v1/capture/${session.session_key}/start`, {
      method: 'POST',
      headers: captureHeaders(session.capture_url),
    });
    if (!started.ok) throw new Error(`start: ${started.status}`);
    sessions.push(session);
  }
  return sessions;
}

/** One event at a time: from sending the request that makes it to its arrival at the receiver. */
async function sequentialLatency(api, receiver, slots, events) {
  const samples = [];
  for (let i = 0; i < events; i += 1) {
    const sent = now();
    const arrived = receiver.next();
    await manualEntry(api.baseUrl, slots.sessions, slots.take());
    samples.push((await arrived).at - sent);
  }
  samples.sort((a, b) => a - b);
  return { events, p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)) };
}

/** `count` events made by 8 concurrent writers; the server's CPU ms and the wall time until the last one arrived. */
async function burst(api, receiver, slots, count, expectDeliveries) {
  const cpuBefore = processCpuMs(api.child.pid);
  const started = now();
  let next = 0;
  const writer = async () => {
    while (next < count) {
      next += 1;
      await manualEntry(api.baseUrl, slots.sessions, slots.take());
    }
  };
  const arrivals = expectDeliveries ? Array.from({ length: count }, () => receiver.next()) : [];
  await Promise.all(Array.from({ length: 8 }, writer));
  const last = expectDeliveries ? Math.max(...(await Promise.all(arrivals)).map((a) => a.at)) : now();
  // the dispatcher records each outcome after its request: let it finish before reading the CPU
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { wallMs: last - started, cpuMs: processCpuMs(api.child.pid) - cpuBefore };
}

/** The baseline: `count` signed-looking POSTs of a delivery-sized body, 4 at a time (the dispatcher's per-host cap). */
async function fetchLoop(receiver, count) {
  const body = JSON.stringify({
    event: 'SESSION:STAGE_CHANGE',
    session_key: 'BEN-0123456789',
    seq: 1,
    pad: 'x'.repeat(400),
  });
  const latency = [];
  const cpuBefore = process.cpuUsage();
  const started = now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const id = `msg_${next}`;
      const sent = now();
      const arrived = receiver.arrivalOf(id);
      const response = await fetch(receiver.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-signature': 'v1,x' },
        body,
      });
      await response.arrayBuffer();
      latency.push((await arrived).at - sent);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const wallMs = now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  latency.sort((a, b) => a - b);
  return {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    p50: round(percentile(latency, 50)),
    p99: round(percentile(latency, 99)),
  };
}

/** `env`: more API settings (a diagnosis run may lift `PAVE_WEBHOOK_PER_HOST`, for one). */
export async function benchWebhooks({ events = 2000, latencyEvents = 300, env = {} } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'pave-bench-hooks-'));
  const receiver = await startReceiver();
  const api = await startApi({
    env: { ...benchApiEnv, PAVE_DATA_DIR: dataDir, PAVE_WEBHOOK_ALLOW_PRIVATE: 'true', ...env },
  });
  try {
    const total = 2 * events + latencyEvents;
    let made = 0;
    const slots = {
      sessions: await startedSessions(api.baseUrl, Math.ceil(total / eventsPerSession)),
      take: () => made++,
    };
    // without a callback first: what making the events costs the server alone
    const alone = await burst(api, receiver, slots, events, false);
    await signed(api.baseUrl, 'POST', '/v1/callbacks', { event: 'SESSION:STAGE_CHANGE', url: receiver.url });
    const latency = await sequentialLatency(api, receiver, slots, latencyEvents);
    const delivered = await burst(api, receiver, slots, events, true);
    const baseline = await fetchLoop(receiver, events);
    const deliveryCpuMs = Math.max(delivered.cpuMs - alone.cpuMs, 1);
    const result = {
      events,
      latency,
      baselineLatency: { p50: baseline.p50, p99: baseline.p99 },
      deliveriesPerSecond: round((events / delivered.wallMs) * 1000, 0),
      eventsAlonePerSecond: round((events / alone.wallMs) * 1000, 0),
      deliveriesPerCpuSecond: round((events / deliveryCpuMs) * 1000, 0),
      serverCpuMs: { withDeliveries: round(delivered.cpuMs, 0), eventsAlone: round(alone.cpuMs, 0) },
      baseline: {
        postsPerSecond: round((events / baseline.wallMs) * 1000, 0),
        postsPerCpuSecond: round((events / baseline.cpuMs) * 1000, 0),
      },
    };
    console.log(`  ${JSON.stringify(result)}`);
    return result;
  } finally {
    await api.stop();
    await receiver.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
