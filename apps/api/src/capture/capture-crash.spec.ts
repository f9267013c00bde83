import { randomBytes } from 'node:crypto';
import { createPaveClient, type PaveClient } from '@pave/client';
import type { ServerProcess } from '@pave/client/testing';
import type { SessionKey } from '@pave/domain';
import { makeSceneImage } from '../qa/test-images.js';
import { imageFileName } from '../images/image-store.js';
import {
  bootstrapAccountsEnv,
  createServerInstance,
  removeServerInstance,
  startServerInstance,
  useServerBundle,
  type ServerInstance,
} from '../testing/server-process.js';
import { describeEachBackend } from '../testing/test-backends.js';
import type { TestImageStore } from '../testing/test-image-stores.js';
import type { TestStorage } from '../testing/test-storage.js';

// kill -9 in the middle of a burst of uploads, then a restart: every attempt row with an image has both files
// stored, and every stored image belongs to a row (the start-up sweep removed the rest), in a folder or a bucket.

const credentials = { username: 'crash', apiKey: 'crash-key-0001', apiSecret: 'crash-secret-0001' };
const burstSize = 16;
const rounds = 2;

const bundle = useServerBundle('crash-test');
let burst: Buffer[];

beforeAll(async () => {
  burst = await Promise.all(Array.from({ length: burstSize }, (_, index) => makeSceneImage({ seed: 3000 + index })));
}, 30_000);

describeEachBackend('a server killed mid-upload-burst', (backend) => {
  let storage: TestStorage;
  let images: TestImageStore;
  let instance: ServerInstance;

  beforeEach(async () => {
    storage = await backend.storage.create();
    // one data folder holds the SQLite file and the image folder, as on one machine; PostgreSQL + S3 need none
    instance = createServerInstance(storage.env['PAVE_DATA_DIR']);
    images = await backend.createImages(instance.dataDir);
  });
  afterEach(async () => {
    await removeServerInstance(instance);
    await storage.destroy();
    await images.destroy();
  });

  /** Resolves once the server has swept its images (a bucket is swept in the background once it listens). */
  async function swept(running: ServerProcess): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!running.output().includes('image sweep done')) {
      if (Date.now() > deadline) throw new Error(`no image sweep within 10 s: ${running.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const start = async (): Promise<PaveClient> => {
    const started = await startServerInstance(bundle(), instance, {
      ...images.env,
      ...storage.env,
      PAVE_DATA_DIR: instance.dataDir,
      ...bootstrapAccountsEnv([credentials]),
      // one instance: its sweep may take anything older than its own start
      PAVE_IMAGE_SWEEP_GRACE_SECONDS: '0',
      // the burst goes to one session from one address: their shares must hold all of it
      PAVE_UPLOADS_PER_SESSION: '100',
      PAVE_UPLOADS_PER_ADDRESS: '0',
      LOG_LEVEL: 'info',
    });
    await swept(started);
    return createPaveClient({ baseUrl: instance.baseUrl, ...credentials, retry: { limit: 0 } });
  };

  /** Fires the burst and kills the server with SIGKILL as soon as a few uploads have been answered. */
  async function burstAndKill(pave: PaveClient, captureUrl: string): Promise<{ answered: number; cut: number }> {
    let answered = 0;
    let cut = 0;
    const running = instance.server;
    const uploads = burst.map((bytes, index) =>
      pave
        .capture(captureUrl)
        .upload(([2, 3, 9, 6, 4, 5, 7, 8] as const)[index % 8] ?? 2, new Blob([new Uint8Array(bytes)]))
        .then(
          async () => {
            answered += 1;
            if (answered === 3 && running) await running.stop('SIGKILL');
          },
          () => {
            cut += 1;
          },
        ),
    );
    await Promise.all(uploads);
    await storeSettled();
    return { answered, cut };
  }

  /**
   * Waits until the store holds what it will hold: a bucket's object server runs in this process and may still be
   * receiving the last objects the killed server sent (the kernel delivers what it had sent). In production the
   * sweep's grace period covers such late writes; with a grace of 0 the restarted server would otherwise list the
   * bucket before they land. So: no request in flight at the object server, then a listing that stops changing.
   */
  async function storeSettled(): Promise<void> {
    const deadline = Date.now() + 10_000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([images.settled(), new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
    clearTimeout(timer);
    let last = (await images.files()).join('\n');
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const now = (await images.files()).join('\n');
      if (now === last || Date.now() > deadline) return;
      last = now;
    }
  }

  /** An orphan the sweep must remove: a finished image no row points to, and (a folder's) a temporary file. */
  async function plantOrphans(): Promise<string> {
    const id = randomBytes(16).toString('hex');
    await images.plant(imageFileName(id, 'full'), Buffer.from('orphan'));
    if (images.kind === 'folder') {
      await images.plant(`${imageFileName(id, 'thumb')}.tmp-0a1b2c`, Buffer.from('half-written'));
    }
    return id;
  }

  async function expectConsistent(key: SessionKey): Promise<number> {
    const repo = await storage.open();
    try {
      const session = await repo.sessions.findByKey(key, 'any');
      const rows = await repo.attempts.listForSession(session?.id ?? -1);
      const ids = rows.flatMap((row) => (row.imageId ? [row.imageId] : []));
      const expected = ids.flatMap((id) => [imageFileName(id, 'full'), imageFileName(id, 'thumb')]);
      expect(await images.files()).toEqual(expected.sort());
      expect(rows.map((row) => row.seq)).toEqual(rows.map((_row, index) => index + 1));
      return rows.length;
    } finally {
      await repo.close();
    }
  }

  it('keeps every row with its files and no file without a row, across kills and restarts', async () => {
    let pave = await start();
    const session = await pave.sessions.create();
    const key = session.session_key;
    let total = 0;
    for (let round = 1; round <= rounds; round += 1) {
      const { answered, cut } = await burstAndKill(pave, session.capture_url);
      expect(answered).toBeGreaterThanOrEqual(3);
      expect(cut).toBeGreaterThan(0);
      const orphan = await plantOrphans();
      pave = await start();
      const stored = await expectConsistent(key);
      expect(stored).toBeGreaterThanOrEqual(total + answered);
      expect((await images.files()).some((file) => file.includes(orphan))).toBe(false);
      const photos = await pave.sessions.photos(key);
      expect(photos).toHaveLength(stored);
      const fetched = await Promise.all(photos.map((photo) => fetch(photo.url ?? '').then((r) => r.status)));
      expect(fetched.every((status) => status === 200)).toBe(true);
      total = stored;
    }
    // two kills and three boots: past a minute on a loaded 2-core machine (PostgreSQL + bucket)
  }, 120_000);
});
