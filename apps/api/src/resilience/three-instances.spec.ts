// Three API processes on one PostgreSQL and one bucket (s3rver), on three ports, each with its own empty data
// folder: what one accepts, the others read, serve and stream live; one rate limit; a callback registered once is
// delivered once by the three dispatchers together; a kill -9 mid-upload loses no accepted photo, and once the
// grace period is over the sweep leaves no object without a row.
import { randomBytes } from 'node:crypto';
import { createPaveClient, PaveApiError, verifyWebhook, type PaveClient } from '@pave/client';
import type { LiveEvent, PhotoCode, SessionKey } from '@pave/domain';
import { parseImageFileName, type ImageStore } from '../images/image-store.js';
import { createS3ImageStore } from '../images/s3-image-store.js';
import { rateLimitWindowMs } from '../http/rate-limit.js';
import { makeSceneImage } from '../qa/test-images.js';
import type { Repository } from '../storage/repository.js';
import {
  bootstrapAccountsEnv,
  createServerInstance,
  removeServerInstance,
  startServerInstance,
  useServerBundle,
  type ServerInstance as Instance,
} from '../testing/server-process.js';
import { useTestObjectServer } from '../testing/test-image-stores.js';
import { startTestReceiver, type ReceivedWebhook } from '../testing/test-receiver.js';
import { s3Env } from '../testing/test-object-server.js';
import {
  createPostgresTestStorage,
  describeOrSkip,
  postgresSkipReason,
  requireTestDatabaseUrl,
  type TestStorage,
} from '../testing/test-storage.js';

const sharedSecretKey = randomBytes(32).toString('base64');

const accounts = {
  main: { username: 'tri', apiKey: 'tri-key-00000001', apiSecret: 'tri-secret-00000001' },
  limited: { username: 'lim', apiKey: 'lim-key-00000001', apiSecret: 'lim-secret-00000001' },
};
const rateLimitPerMinute = 30;
const graceSeconds = 3;
const burstCodes = [2, 3, 9, 6, 4, 5, 7, 8] as const satisfies readonly PhotoCode[];

describeOrSkip(postgresSkipReason, 'three API processes on one PostgreSQL and one bucket', () => {
  const objectServer = useTestObjectServer();
  const bundle = useServerBundle('three-instances');
  let storage: TestStorage;
  let repo: Repository;
  let bucket: ImageStore;
  let env: Record<string, string>;
  let instances: Instance[];
  let scenes: Buffer[];

  // every instance seals and opens capture tokens with the same key
  const start = (instance: Instance) =>
    startServerInstance(bundle(), instance, { ...env, PAVE_SECRET_KEY: sharedSecretKey });
  const clientOf = (instance: Instance, account: keyof typeof accounts = 'main'): PaveClient =>
    createPaveClient({ baseUrl: instance.baseUrl, ...accounts[account], retry: { limit: 0 } });
  const nth = (index: number): Instance => {
    const instance = instances[index];
    if (!instance) throw new Error(`invariant: no instance ${index}`);
    return instance;
  };

  beforeAll(async () => {
    storage = await createPostgresTestStorage(requireTestDatabaseUrl());
    repo = await storage.open();
    const settings = await objectServer().createBucket();
    bucket = await createS3ImageStore(settings);
    env = {
      ...storage.env,
      ...s3Env(settings),
      ...bootstrapAccountsEnv(Object.values(accounts)),
      PAVE_RATE_LIMIT_PER_MINUTE: String(rateLimitPerMinute),
      PAVE_IMAGE_SWEEP_GRACE_SECONDS: String(graceSeconds),
      // the kill test sends a burst to one session from one address: their shares must hold all of it
      PAVE_UPLOADS_PER_SESSION: '100',
      PAVE_UPLOADS_PER_ADDRESS: '0',
      // the callbacks test's receiver is on loopback; a short poll keeps it quick
      PAVE_WEBHOOK_ALLOW_PRIVATE: 'true',
      PAVE_WEBHOOK_POLL_MS: '50',
      LOG_LEVEL: 'info',
    };
    instances = [createServerInstance(), createServerInstance(), createServerInstance()];
    // the first one migrates the schema and creates the accounts alone; then the other two together
    await start(nth(0));
    await Promise.all([start(nth(1)), start(nth(2))]);
    scenes = await Promise.all(Array.from({ length: 12 }, (_, index) => makeSceneImage({ seed: 7000 + index })));
  }, 180_000);

  afterAll(async () => {
    await Promise.all((instances ?? []).map(removeServerInstance));
    await repo?.close();
    await storage?.destroy();
  });

  /** Every session the tests created (each test's images stay in the bucket for the last one's check). */
  const sessionKeys: SessionKey[] = [];
  const captureUrls = new Map<SessionKey, string>();
  const createSession = async (instance: Instance, account: keyof typeof accounts = 'main') => {
    const session = await clientOf(instance, account).sessions.create();
    sessionKeys.push(session.session_key);
    captureUrls.set(session.session_key, session.capture_url);
    return session.session_key;
  };

  const pathOf = (url: string | null) => new URL(url ?? 'http://missing/').pathname;
  const outputOf = (instance: Instance) => instance.server?.output() ?? '';

  /** The session's capture link, on `instance`: a link names the instance that created it, as a balancer's would. */
  const captureUrlOn = (instance: Instance, key: SessionKey) => {
    const link = new URL(captureUrls.get(key) ?? 'http://missing/');
    return `${instance.baseUrl}${link.pathname}${link.hash}`;
  };
  const upload = (instance: Instance, key: SessionKey, code: PhotoCode, scene: Buffer) =>
    clientOf(instance)
      .capture(captureUrlOn(instance, key))
      .upload(code, new Blob([new Uint8Array(scene)], { type: 'image/jpeg' }));

  it('reads and serves through the other two what one of them accepted', async () => {
    const [a, b, c] = [nth(0), nth(1), nth(2)];
    const key = await createSession(a);
    const accepted = await upload(a, key, 2, scenes[0] ?? Buffer.alloc(0));
    const photos = await clientOf(b).sessions.photos(key);
    // each instance writes URLs with its own PUBLIC_BASE_URL (behind a load balancer they would share one)
    expect(photos.map((photo) => [photo.photo_code, pathOf(photo.url)])).toEqual([[2, pathOf(accepted.url)]]);
    const progress = await clientOf(c).sessions.progress(key);
    expect(progress.steps.find((step) => step.photo_code === 2)?.attempts.map((x) => pathOf(x.url))).toEqual([
      pathOf(accepted.url),
    ]);
    const path = pathOf(accepted.url);
    const served = await Promise.all(
      [a, b, c].map(async (i) => Buffer.from(await (await fetch(`${i.baseUrl}${path}`)).arrayBuffer())),
    );
    expect(served[0]?.length).toBeGreaterThan(1000);
    expect(served.every((bytes) => bytes.equals(served[0] ?? Buffer.alloc(0)))).toBe(true);
  });

  it('enforces one rate limit for the three', async () => {
    // a fixed window must not turn over mid-test: start early in one
    const left = rateLimitWindowMs - (Date.now() % rateLimitWindowMs);
    if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
    const key = await createSession(nth(0), 'limited');
    for (let index = 1; index < rateLimitPerMinute; index += 1) {
      await clientOf(nth(index % 3), 'limited').sessions.photos(key);
    }
    const refused = await Promise.all(
      instances.map((instance) =>
        clientOf(instance, 'limited')
          .sessions.photos(key)
          .then(
            () => 200,
            (e: unknown) => (e instanceof PaveApiError ? e.status : 0),
          ),
      ),
    );
    expect(refused).toEqual([429, 429, 429]);
  }, 60_000);

  /** Reads `events` until a `SESSION:STAGE_CHANGE` of `code` (rejects when the stream ends first). */
  async function stageChangeOf(events: AsyncGenerator<LiveEvent, void>, code: PhotoCode): Promise<LiveEvent> {
    for (;;) {
      const next = await events.next();
      if (next.done) throw new Error(`the stream ended before photo ${code}'s stage change`);
      if (next.value.body.event === 'SESSION:STAGE_CHANGE' && next.value.body.photo_code === code) return next.value;
    }
  }

  it('streams on B an upload made on A, and delivers a callback registered once exactly once from the three', async () => {
    const [a, b, c] = [nth(0), nth(1), nth(2)];
    const receiver = await startTestReceiver();
    try {
      await clientOf(c).callbacks.create({ event: 'SESSION:STAGE_CHANGE', url: receiver.url });
      const secret = (await clientOf(c).callbacks.signingSecret()).secret;
      const key = await createSession(a);
      let opened: () => void = () => undefined;
      const open = new Promise<void>((resolve) => (opened = resolve));
      const events = clientOf(b).sessions.events(key, {
        reconnectDelayMs: 20,
        maxReconnectDelayMs: 200,
        onState: (state) => state === 'open' && opened(),
      });
      const first = events.next();
      await open;
      const accepted = await upload(a, key, 2, scenes[1] ?? Buffer.alloc(0));
      const seen = await first.then((result) =>
        !result.done && result.value.body.event === 'SESSION:STAGE_CHANGE' ? result.value : stageChangeOf(events, 2),
      );
      await events.return();
      expect(seen.body).toMatchObject({ event: 'SESSION:STAGE_CHANGE', session_key: key, photo_code: 2 });
      expect(pathOf(seen.body.event === 'SESSION:STAGE_CHANGE' ? seen.body.photo_url : null)).toBe(
        pathOf(accepted.url),
      );

      // one upload through each instance: three stage changes, each sent by whichever dispatcher claims it first
      await upload(b, key, 3, scenes[2] ?? Buffer.alloc(0));
      await upload(c, key, 4, scenes[3] ?? Buffer.alloc(0));
      const received = await receiver.waitFor(3, 30_000);
      // several poll intervals of every dispatcher: a second send of any of them would arrive meanwhile
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const ids = received.map((webhook: ReceivedWebhook) => String(webhook.headers['webhook-id']));
      const bodies = await Promise.all(
        received.map(async (webhook) => {
          const headers = Object.fromEntries(Object.entries(webhook.headers).map(([k, v]) => [k, String(v)]));
          const verified = await verifyWebhook(webhook.body, headers, secret, { now: new Date(webhook.at) });
          return verified.ok ? verified.value : verified.error;
        }),
      );
      expect(receiver.received).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      expect(bodies.map((body) => ('photo_code' in body ? body.photo_code : body)).sort()).toEqual([2, 3, 4]);
    } finally {
      await receiver.close();
    }
  }, 90_000);

  /** Every image a row points to, and every image the bucket holds (both variants each, or it shows). */
  async function imagesOfRowsAndBucket(keys: readonly SessionKey[]): Promise<[string[], string[]]> {
    const rows: string[] = [];
    for (const key of keys) {
      const session = await repo.sessions.findByKey(key, 'any');
      const attempts = await repo.attempts.listForSession(session?.id ?? -1);
      rows.push(...attempts.flatMap((row) => (row.imageId ? [`${row.imageId}:full`, `${row.imageId}:thumb`] : [])));
    }
    const stored: string[] = [];
    for await (const page of bucket.list()) {
      stored.push(
        ...page.flatMap((file) => {
          const parsed = parseImageFileName(file.name);
          return parsed ? [`${parsed.id}:${parsed.variant}`] : [];
        }),
      );
    }
    return [rows.sort(), stored.sort()];
  }

  it('loses no accepted photo when one is killed mid-upload, keeps answering, and sweeps the orphans', async () => {
    const [a, b, c] = [nth(0), nth(1), nth(2)];
    const key = await createSession(a);
    const victim = c.server;
    const answered: string[] = [];
    let cut = 0;
    await Promise.all(
      scenes.map((scene, index) =>
        upload(c, key, burstCodes[index % burstCodes.length] ?? 2, scene).then(
          async (photo) => {
            answered.push(pathOf(photo.url));
            if (answered.length === 3) await victim?.stop('SIGKILL');
          },
          () => {
            cut += 1;
          },
        ),
      ),
    );
    c.server = null;
    expect([answered.length >= 3, cut > 0]).toEqual([true, true]);
    expect((await fetch(`${a.baseUrl}/readyz`)).status).toBe(200);
    const urls = (await clientOf(b).sessions.photos(key)).map((photo) => pathOf(photo.url));
    expect(urls).toEqual(expect.arrayContaining(answered));

    const orphan = bucket.newId();
    await bucket.save(orphan, { full: Buffer.from('orphan'), thumb: Buffer.from('orphan') });
    // past the grace period (and S3's whole-second clock), the restarted instance's sweep may take the orphans,
    // while an upload through another instance goes on meanwhile and must keep its images
    await new Promise((resolve) => setTimeout(resolve, (graceSeconds + 1.5) * 1000));
    const during = upload(a, key, 13, scenes[11] ?? Buffer.alloc(0));
    await start(c);
    await during;
    const deadline = Date.now() + 15_000;
    while (!outputOf(c).includes('image sweep done') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(outputOf(c)).toContain('image sweep done');
    const [rows, stored] = await imagesOfRowsAndBucket(sessionKeys);
    expect(stored.filter((entry) => !rows.includes(entry))).toEqual([]);
    expect(rows.filter((entry) => !stored.includes(entry))).toEqual([]);
  }, 90_000);
});
