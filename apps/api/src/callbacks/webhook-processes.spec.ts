import { randomBytes } from 'node:crypto';
import { createPaveClient, verifyWebhook, type PaveClient } from '@pave/client';
import { callbackEvents, type Delivery } from '@pave/domain';
import {
  bootstrapAccountsEnv,
  createServerInstance,
  removeServerInstance,
  startServerInstance,
  useServerBundle,
  type ServerInstance,
} from '../testing/server-process.js';
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
  ...bootstrapAccountsEnv([credentials]),
  // every process seals and opens the signing secrets with the same key
  PAVE_SECRET_KEY: sharedSecretKey,
  LOG_LEVEL: 'info',
};
/** Each session: started (two STATUS_CHANGEs, as in the log) and two typed values (a STAGE_CHANGE each). */
const eventsPerSession = 4;

const bundle = useServerBundle('webhook-processes');

/** Starts (or restarts, on its port) `instance` on `storage`; a client of it. */
async function startServer(storage: TestStorage, instance: ServerInstance): Promise<PaveClient> {
  await startServerInstance(bundle(), instance, { ...fastEnv, ...storage.env, PAVE_DATA_DIR: instance.dataDir });
  return createPaveClient({ baseUrl: instance.baseUrl, ...credentials, retry: { limit: 0 } });
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
  let instance: ServerInstance;
  let receiver: TestReceiver;

  beforeEach(async () => {
    storage = await kind.create();
    // SQLite: the same data folder across the restart; PostgreSQL: a folder for the images it does not get
    instance = createServerInstance(storage.env['PAVE_DATA_DIR']);
    receiver = await startTestReceiver();
  });
  afterEach(async () => {
    await removeServerInstance(instance);
    await receiver.close();
    await storage.destroy();
  });

  it('delivers every event, signed, after a restart on the same storage: the claimed and the pending', async () => {
    let pave = await startServer(storage, instance);
    const secret = await subscribe(pave, receiver);
    // the receiver hangs: the dispatcher's first requests stay in flight (claimed), the rest wait behind them
    receiver.hold = true;
    const sessions = 6;
    for (let n = 0; n < sessions; n += 1) await capture(pave);
    const total = sessions * eventsPerSession;
    await receiver.waitFor(1);
    const before = await allDeliveries(pave);
    expect(before).toHaveLength(total);
    expect(before.filter((d) => d.state === 'delivered')).toEqual([]);
    await instance.server?.stop('SIGKILL');
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
    pave = await startServer(storage, instance);
    const delivered = await allDelivered(pave, total);
    const counts = await verifiedCounts(receiver.received, secret);
    expect([...counts.keys()].sort()).toEqual(delivered.map((d) => d.webhook_id).sort());
    // the ones in flight at the kill were sent again by the new process, with the same webhook-id
    for (const id of sentBeforeKill) expect(counts.get(id)).toBeGreaterThanOrEqual(2);
  }, 180_000);
});

describeOrSkip(postgresSkipReason, 'webhook delivery from two server processes on one PostgreSQL', () => {
  let storage: TestStorage;
  let receiver: TestReceiver;
  let instances: ServerInstance[] = [];

  beforeAll(async () => {
    instances = [createServerInstance(), createServerInstance()];
    storage = await createPostgresTestStorage(requireTestDatabaseUrl());
    receiver = await startTestReceiver();
  });
  afterAll(async () => {
    await Promise.all(instances.map(removeServerInstance));
    await receiver?.close();
    await storage?.destroy();
  });

  it('sends each webhook-id exactly once between the two dispatchers', async () => {
    const [first, second] = instances as [ServerInstance, ServerInstance];
    // the first migrates the schema and creates the account alone
    const a = await startServer(storage, first);
    const b = await startServer(storage, second);
    const secret = await subscribe(a, receiver);
    const perServer = 8;
    await Promise.all(
      [a, b].map(async (pave) => {
        for (let n = 0; n < perServer; n += 1) await capture(pave);
      }),
    );
    const total = 2 * perServer * eventsPerSession;
    const delivered = await allDelivered(a, total);
    // every acknowledgement reached its sender: one try per delivery, one request per webhook-id
    expect(delivered.filter((d) => d.attempts.length !== 1)).toEqual([]);
    const counts = await verifiedCounts(receiver.received, secret);
    expect([...counts.keys()].sort()).toEqual(delivered.map((d) => d.webhook_id).sort());
    expect([...counts].filter(([, count]) => count !== 1)).toEqual([]);
    expect(receiver.received).toHaveLength(total);
  }, 180_000);
});
