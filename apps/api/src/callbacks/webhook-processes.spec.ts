import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPaveClient, verifyWebhook, type PaveClient } from '@pave/client';
import { freePort, type ServerProcess } from '@pave/client/testing';
import { callbackEvents, type Delivery } from '@pave/domain';
import { buildServerBundle, startBundledServer, type ServerBundle } from '../testing/server-process.js';
import { startTestReceiver, type ReceivedWebhook, type TestReceiver } from '../testing/test-receiver.js';
import {
  createPostgresTestStorage,
  describeEachStorage,
  describeOrSkip,
  postgresSkipReason,
  requireTestDatabaseUrl,
  type TestStorage,
} from '../testing/test-storage.js';

// Webhook delivery across real server processes: a kill -9 mid-backlog loses no event (the next process on the
// same storage takes the dead one's claims once their lease is over), and two processes on one PostgreSQL send
// each event once between them (their claims skip each other's rows).

const credentials = { username: 'hooks', apiKey: 'hooks-key-0001', apiSecret: 'hooks-secret-0001' };
const sharedSecretKey = randomBytes(32).toString('base64');
const leaseSeconds = 3;
/** Fast settings: a short lease (the request timeout must stay under it), a short schedule, a quick poll. */
const fastEnv = {
  PAVE_WEBHOOK_ALLOW_PRIVATE: 'true',
  PAVE_WEBHOOK_LEASE_SECONDS: String(leaseSeconds),
  PAVE_WEBHOOK_TIMEOUT_MS: '2500',
  PAVE_WEBHOOK_RETRY_SCHEDULE: '0.2,0.5,1,2,2,2,2,2,2,2',
  PAVE_WEBHOOK_POLL_MS: '25',
  PAVE_BOOTSTRAP_ACCOUNTS: `${credentials.username}:${credentials.apiKey}:${credentials.apiSecret}`,
  // every process seals and opens the signing secrets with the same key
  PAVE_SECRET_KEY: sharedSecretKey,
  LOG_LEVEL: 'info',
};
/** Each session: started (two STATUS_CHANGEs, as in the log) and two typed values (a STAGE_CHANGE each). */
const eventsPerSession = 4;

let bundle: ServerBundle;
beforeAll(async () => {
  bundle = await buildServerBundle(`webhook-processes-${randomBytes(4).toString('hex')}`);
}, 60_000);
afterAll(() => bundle.remove());

type Running = { readonly server: ServerProcess; readonly pave: PaveClient };

async function startServer(storage: TestStorage, dataDir: string, port: number): Promise<Running> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startBundledServer(bundle, {
    ...fastEnv,
    ...storage.env,
    PAVE_DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_BASE_URL: baseUrl,
  });
  return { server, pave: createPaveClient({ baseUrl, ...credentials, retry: { limit: 0 } }) };
}

/** Sends every event to the receiver; answers the account's signing secret. */
async function subscribe(pave: PaveClient, receiver: TestReceiver): Promise<string> {
  for (const event of callbackEvents) await pave.callbacks.create({ event, url: receiver.url });
  return (await pave.callbacks.signingSecret()).secret;
}

/** A scripted capture of one session: `eventsPerSession` events. */
async function capture(pave: PaveClient): Promise<void> {
  const session = await pave.sessions.create({});
  const link = pave.capture(session.capture_url);
  await link.start();
  await link.manual({ photo_code: 1, value: '1hgcm82633a004352' });
  await link.manual({ photo_code: 3, value: '100945' });
}

/** Every delivery in the log (pages of 100). */
async function allDeliveries(pave: PaveClient): Promise<Delivery[]> {
  const all: Delivery[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await pave.callbacks.deliveries({ limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.data);
    if (!page.next_cursor) return all;
    cursor = page.next_cursor;
  }
}

/** Resolves once the log holds `count` deliveries, all delivered (rejects after `timeoutMs`). */
async function allDelivered(pave: PaveClient, count: number, timeoutMs = 60_000): Promise<Delivery[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const deliveries = await allDeliveries(pave);
    if (deliveries.length === count && deliveries.every((d) => d.state === 'delivered')) return deliveries;
    if (Date.now() > until) {
      const states = deliveries.map((d) => d.state).join(',');
      throw new Error(`not all of ${count} delivered within ${timeoutMs} ms: ${deliveries.length} [${states}]`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function idOf(webhook: ReceivedWebhook): string {
  return String(webhook.headers['webhook-id']);
}

/** Checks each received request's signature (it was received just now), and counts each webhook-id's arrivals. */
async function verifiedCounts(received: readonly ReceivedWebhook[], secret: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const webhook of received) {
    const headers = Object.fromEntries(Object.entries(webhook.headers).map(([name, value]) => [name, String(value)]));
    const verified = await verifyWebhook(webhook.body, headers, secret, { now: new Date(webhook.at) });
    expect(verified.ok ? verified.value.session_key : verified.error).toEqual(expect.any(String));
    counts.set(idOf(webhook), (counts.get(idOf(webhook)) ?? 0) + 1);
  }
  return counts;
}

describeEachStorage('webhook delivery across a kill -9 of the server', (kind) => {
  let storage: TestStorage;
  let dataDir: string;
  let receiver: TestReceiver;
  let running: Running | null = null;

  beforeEach(async () => {
    storage = await kind.create();
    // SQLite: the same data folder across the restart; PostgreSQL: a folder for the images it does not get
    dataDir = storage.env['PAVE_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'pave-hooks-'));
    receiver = await startTestReceiver();
  });
  afterEach(async () => {
    await running?.server.stop('SIGKILL');
    running = null;
    await receiver.close();
    await storage.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every event, signed, after a restart on the same storage: the claimed and the pending', async () => {
    const port = await freePort();
    running = await startServer(storage, dataDir, port);
    const secret = await subscribe(running.pave, receiver);
    // the receiver hangs: the dispatcher's first requests stay in flight (claimed), the rest wait behind them
    receiver.hold = true;
    const sessions = 6;
    for (let n = 0; n < sessions; n += 1) await capture(running.pave);
    const total = sessions * eventsPerSession;
    await receiver.waitFor(1);
    const before = await allDeliveries(running.pave);
    expect(before).toHaveLength(total);
    expect(before.filter((d) => d.state === 'delivered')).toEqual([]);
    await running.server.stop('SIGKILL');
    running = null;
    const sentBeforeKill = new Set(receiver.received.map(idOf));
    expect(sentBeforeKill.size).toBeGreaterThan(0);
    // what the dead process had claimed stays claimed until its lease is over; then the next process sends it
    receiver.hold = false;
    receiver.release();
    const repo = await storage.open();
    try {
      expect((await repo.deliveries.backlog()).pending).toBe(total);
    } finally {
      await repo.close();
    }
    running = await startServer(storage, dataDir, port);
    const delivered = await allDelivered(running.pave, total);
    const counts = await verifiedCounts(receiver.received, secret);
    expect([...counts.keys()].sort()).toEqual(delivered.map((d) => d.webhook_id).sort());
    // the ones in flight at the kill were sent again by the new process, with the same webhook-id
    for (const id of sentBeforeKill) expect(counts.get(id)).toBeGreaterThanOrEqual(2);
  }, 180_000);
});

describeOrSkip(postgresSkipReason, 'webhook delivery from two server processes on one PostgreSQL', () => {
  let storage: TestStorage;
  const dataDirs: string[] = [];
  let receiver: TestReceiver;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    storage = await createPostgresTestStorage(requireTestDatabaseUrl());
    receiver = await startTestReceiver();
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop('SIGKILL')));
    await receiver?.close();
    await storage?.destroy();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('sends each webhook-id exactly once between the two dispatchers', async () => {
    const start = async (): Promise<Running> => {
      const dir = mkdtempSync(join(tmpdir(), 'pave-hooks-'));
      dataDirs.push(dir);
      const started = await startServer(storage, dir, await freePort());
      servers.push(started.server);
      return started;
    };
    // the first migrates the schema and creates the account alone
    const a = await start();
    const b = await start();
    const secret = await subscribe(a.pave, receiver);
    const perServer = 8;
    await Promise.all(
      [a, b].map(async (server) => {
        for (let n = 0; n < perServer; n += 1) await capture(server.pave);
      }),
    );
    const total = 2 * perServer * eventsPerSession;
    const delivered = await allDelivered(a.pave, total);
    // every acknowledgement reached its sender: one try per delivery, one request per webhook-id
    expect(delivered.filter((d) => d.attempts.length !== 1)).toEqual([]);
    const counts = await verifiedCounts(receiver.received, secret);
    expect([...counts.keys()].sort()).toEqual(delivered.map((d) => d.webhook_id).sort());
    expect([...counts].filter(([, count]) => count !== 1)).toEqual([]);
    expect(receiver.received).toHaveLength(total);
  }, 180_000);
});
