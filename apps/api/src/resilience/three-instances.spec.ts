// Three API processes on one PostgreSQL and one bucket (s3rver), on three ports, each with its own empty data
// folder: what one accepts, the others read and serve; one rate limit; a kill -9 mid-upload loses no accepted
// photo, and once the grace period is over the sweep leaves no object without a row.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPaveClient, PaveApiError, type PaveClient } from '@pave/client';
import { freePort, type ServerProcess } from '@pave/client/testing';
import type { PhotoCode, SessionKey } from '@pave/domain';
import { parseImageFileName, type ImageStore } from '../images/image-store.js';
import { createS3ImageStore } from '../images/s3-image-store.js';
import { rateLimitWindowMs } from '../http/rate-limit.js';
import { makeSceneImage } from '../qa/test-images.js';
import type { Repository } from '../storage/repository.js';
import { buildServerBundle, startBundledServer, type ServerBundle } from '../testing/server-process.js';
import { useTestObjectServer } from '../testing/test-image-stores.js';
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

type Instance = { readonly port: number; readonly baseUrl: string; server: ServerProcess | null; dataDir: string };

describeOrSkip(postgresSkipReason, 'three API processes on one PostgreSQL and one bucket', () => {
  const objectServer = useTestObjectServer();
  let bundle: ServerBundle;
  let storage: TestStorage;
  let repo: Repository;
  let bucket: ImageStore;
  let env: Record<string, string>;
  let instances: Instance[];
  let scenes: Buffer[];

  const start = async (instance: Instance): Promise<void> => {
    instance.server = await startBundledServer(bundle, {
      ...env,
      PORT: String(instance.port),
      PUBLIC_BASE_URL: instance.baseUrl,
      PAVE_DATA_DIR: instance.dataDir,
      // every instance seals and opens capture tokens with the same key
      PAVE_SECRET_KEY: sharedSecretKey,
    });
  };
  const clientOf = (instance: Instance, account: keyof typeof accounts = 'main'): PaveClient =>
    createPaveClient({ baseUrl: instance.baseUrl, ...accounts[account], retry: { limit: 0 } });
  const nth = (index: number): Instance => {
    const instance = instances[index];
    if (!instance) throw new Error(`invariant: no instance ${index}`);
    return instance;
  };

  beforeAll(async () => {
    bundle = await buildServerBundle(`three-instances-${randomBytes(4).toString('hex')}`);
    storage = await createPostgresTestStorage(requireTestDatabaseUrl());
    repo = await storage.open();
    const settings = await objectServer().createBucket();
    bucket = await createS3ImageStore(settings);
    env = {
      ...storage.env,
      ...s3Env(settings),
      PAVE_BOOTSTRAP_ACCOUNTS: Object.values(accounts)
        .map((a) => `${a.username}:${a.apiKey}:${a.apiSecret}`)
        .join(','),
      PAVE_RATE_LIMIT_PER_MINUTE: String(rateLimitPerMinute),
      PAVE_IMAGE_SWEEP_GRACE_SECONDS: String(graceSeconds),
      LOG_LEVEL: 'info',
    };
    const ports = [await freePort(), await freePort(), await freePort()];
    instances = ports.map((port) => ({
      port,
      baseUrl: `http://127.0.0.1:${port}`,
      server: null,
      dataDir: mkdtempSync(join(tmpdir(), 'pave-instance-')),
    }));
    // the first one migrates the schema and creates the accounts alone; then the other two together
    await start(nth(0));
    await Promise.all([start(nth(1)), start(nth(2))]);
    scenes = await Promise.all(Array.from({ length: 12 }, (_, index) => makeSceneImage({ seed: 7000 + index })));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.server?.stop('SIGKILL')));
    for (const instance of instances) rmSync(instance.dataDir, { recursive: true, force: true });
    await repo?.close();
    await storage?.destroy();
    await bundle?.remove();
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

  const upload = (instance: Instance, key: SessionKey, code: PhotoCode, scene: Buffer) =>
    clientOf(instance)
      .capture(captureUrls.get(key) ?? '')
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
