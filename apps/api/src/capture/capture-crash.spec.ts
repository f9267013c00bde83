import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPaveClient, type PaveClient } from '@pave/client';
import { freePort, type ServerProcess } from '@pave/client/testing';
import type { SessionKey } from '@pave/domain';
import pg from 'pg';
import { makeSceneImage } from '../qa/test-images.js';
import { openPostgresRepository } from '../storage/postgres-repository.js';
import type { Repository } from '../storage/repository.js';
import { openSqliteRepository, sqliteFileIn } from '../storage/sqlite-repository.js';
import { listImageFiles } from '../testing/capture-requests.js';
import { buildServerBundle, startBundledServer, type ServerBundle } from '../testing/server-process.js';
import { describeEachKind, postgresSkipReason, requireTestDatabaseUrl } from '../testing/test-storage.js';

// kill -9 in the middle of a burst of uploads, then a restart: every attempt row with an image has both files on
// disk, and every image file on disk belongs to a row (the start-up sweep removed the rest).

const credentials = { username: 'crash', apiKey: 'crash-key-0001', apiSecret: 'crash-secret-0001' };
const burstSize = 16;
const rounds = 2;

type Storage = { env: Record<string, string>; open(): Promise<Repository>; destroy(): Promise<void> };

function sqliteStorage(dataDir: string): Storage {
  return { env: {}, open: () => openSqliteRepository(sqliteFileIn(dataDir)), destroy: () => Promise.resolve() };
}

async function postgresStorage(url: string): Promise<Storage> {
  const schema = `pave_crash_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`create schema ${schema}`);
  const separator = url.includes('?') ? '&' : '?';
  return {
    env: { DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` },
    open: () => openPostgresRepository({ connectionString: url, schema, maxConnections: 2 }),
    destroy: () => admin(`drop schema ${schema} cascade`),
  };
}

type StorageKind = { name: string; skipReason: string | null; make: (dataDir: string) => Promise<Storage> };

const kinds: StorageKind[] = [
  { name: 'sqlite', skipReason: null, make: (dataDir) => Promise.resolve(sqliteStorage(dataDir)) },
  { name: 'postgres', skipReason: postgresSkipReason, make: () => postgresStorage(requireTestDatabaseUrl()) },
];

let bundle: ServerBundle;
let images: Buffer[];

beforeAll(async () => {
  bundle = await buildServerBundle(`crash-test-${randomBytes(4).toString('hex')}`);
  images = await Promise.all(Array.from({ length: burstSize }, (_, index) => makeSceneImage({ seed: 3000 + index })));
}, 30_000);
afterAll(() => bundle.remove());

describeEachKind(kinds, 'a server killed mid-upload-burst', ({ make: makeStorage }) => {
  let dataDir: string;
  let storage: Storage;
  let port: number;
  let server: ServerProcess | null = null;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pave-crash-'));
    storage = await makeStorage(dataDir);
    port = await freePort();
  });
  afterEach(async () => {
    if (server) await server.stop('SIGKILL');
    await storage.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (): Promise<PaveClient> => {
    const baseUrl = `http://127.0.0.1:${port}`;
    server = await startBundledServer(bundle, {
      ...storage.env,
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      PAVE_DATA_DIR: dataDir,
      PAVE_BOOTSTRAP_ACCOUNTS: `${credentials.username}:${credentials.apiKey}:${credentials.apiSecret}`,
      LOG_LEVEL: 'warn',
    });
    return createPaveClient({ baseUrl, ...credentials, retry: { limit: 0 } });
  };

  /** Fires the burst and kills the server with SIGKILL as soon as a few uploads have been answered. */
  async function burstAndKill(pave: PaveClient, key: SessionKey): Promise<{ answered: number; cut: number }> {
    let answered = 0;
    let cut = 0;
    const running = server;
    const uploads = images.map((bytes, index) =>
      pave.capture
        .upload(key, ([2, 3, 9, 6, 4, 5, 7, 8] as const)[index % 8] ?? 2, new Blob([new Uint8Array(bytes)]))
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
    server = null;
    return { answered, cut };
  }

  /** An orphan the sweep must remove: a finished image file and a temporary file no row points to. */
  async function plantOrphans(): Promise<string> {
    const id = randomBytes(16).toString('hex');
    await mkdir(join(dataDir, 'images', id.slice(0, 2)), { recursive: true });
    await writeFile(join(dataDir, 'images', id.slice(0, 2), `${id}.jpg`), 'orphan');
    await writeFile(join(dataDir, 'images', id.slice(0, 2), `${id}.thumb.jpg.tmp-0a1b2c`), 'half-written');
    return id;
  }

  async function expectConsistent(key: SessionKey): Promise<number> {
    const repo = await storage.open();
    try {
      const session = await repo.sessions.findByKey(key, 'any');
      const rows = await repo.attempts.listForSession(session?.id ?? -1);
      const ids = rows.flatMap((row) => (row.imageId ? [row.imageId] : []));
      const expected = ids.flatMap((id) => [`${id.slice(0, 2)}/${id}.jpg`, `${id.slice(0, 2)}/${id}.thumb.jpg`]);
      expect(await listImageFiles(dataDir)).toEqual(expected.sort());
      expect(rows.map((row) => row.seq)).toEqual(rows.map((_row, index) => index + 1));
      return rows.length;
    } finally {
      await repo.close();
    }
  }

  it('keeps every row with its files and no file without a row, across kills and restarts', async () => {
    let pave = await start();
    const key = (await pave.sessions.create()).session_key;
    let total = 0;
    for (let round = 1; round <= rounds; round += 1) {
      const { answered, cut } = await burstAndKill(pave, key);
      expect(answered).toBeGreaterThanOrEqual(3);
      expect(cut).toBeGreaterThan(0);
      const orphan = await plantOrphans();
      pave = await start();
      const stored = await expectConsistent(key);
      expect(stored).toBeGreaterThanOrEqual(total + answered);
      expect((await listImageFiles(dataDir)).some((file) => file.includes(orphan))).toBe(false);
      const photos = await pave.sessions.photos(key);
      expect(photos).toHaveLength(stored);
      const fetched = await Promise.all(photos.map((photo) => fetch(photo.url ?? '').then((r) => r.status)));
      expect(fetched.every((status) => status === 200)).toBe(true);
      total = stored;
    }
  }, 60_000);
});
