import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createFolderImageStore } from '../images/folder-image-store.js';
import type { ImageStore, ImageStoreOptions } from '../images/image-store.js';
import { createS3Client, createS3ImageStore, type S3Settings } from '../images/s3-image-store.js';
import { s3Env, startTestObjectServer, type TestObjectServer } from './test-object-server.js';

/** An image store a test owns: the store, a look at what it holds, and a way to put files there behind its back. */
export type TestImageStore = {
  readonly kind: 'folder' | 's3';
  readonly store: ImageStore;
  /** The environment that points a server process at the same images (with `PAVE_DATA_DIR` for a folder). */
  readonly env: Readonly<Record<string, string>>;
  /** Every stored file's name (`ab/<id>.jpg`, temporary files included), sorted. */
  files(): Promise<string[]>;
  /** Writes a file under `name` directly, as a crash or another process would leave it. */
  plant(name: string, bytes: Buffer): Promise<void>;
  /** Resolves once no write sent to the store is still arriving (at once for a folder: its writes are the server's). */
  settled(): Promise<void>;
  destroy(): Promise<void>;
};

/** What a store is created with: its clock (for the sweep's grace period) and listing page size. */
export type TestImageStoreOptions = ImageStoreOptions;

/** A factory of test image stores of one kind. */
export type TestImageStoreKind = {
  readonly name: 'folder' | 's3';
  readonly create: (options?: TestImageStoreOptions) => Promise<TestImageStore>;
};

async function filesOf(store: ImageStore): Promise<string[]> {
  const names: string[] = [];
  for await (const page of store.list()) names.push(...page.map((file) => file.name));
  return names.sort();
}

/** A folder store in `dataDir` (the SQLite storage's, for a one-machine server), else a fresh temporary folder. */
export async function createFolderTestImageStore(
  options: TestImageStoreOptions & { readonly dataDir?: string } = {},
): Promise<TestImageStore> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pave-images-'));
  const store = await createFolderImageStore(dataDir, options);
  return {
    kind: 'folder',
    store,
    env: { PAVE_DATA_DIR: dataDir },
    files: () => filesOf(store),
    async plant(name, bytes) {
      const path = join(dataDir, 'images', name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
    },
    settled: () => Promise.resolve(),
    destroy: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}

/** A store on a fresh bucket of `server`, under the prefix `photos/`. */
export async function createS3TestImageStore(
  server: TestObjectServer,
  options: TestImageStoreOptions = {},
): Promise<TestImageStore> {
  const settings: S3Settings = await server.createBucket();
  const store = await createS3ImageStore(settings, options);
  const client = createS3Client(settings);
  return {
    kind: 's3',
    store,
    env: s3Env(settings),
    files: () => filesOf(store),
    async plant(name, bytes) {
      await client.send(
        new PutObjectCommand({ Bucket: settings.bucket, Key: `${settings.prefix}${name}`, Body: bytes }),
      );
    },
    settled: () => server.idle(),
    destroy: () => Promise.resolve(client.destroy()),
  };
}

/** Starts an object server for the enclosing `describe` (before its first test) and closes it after the last. */
export function useTestObjectServer(): () => TestObjectServer {
  let server: TestObjectServer | null = null;
  beforeAll(async () => {
    server = await startTestObjectServer();
  });
  afterAll(() => server?.close());
  return () => {
    if (!server) throw new Error('invariant: the object server starts before the first test');
    return server;
  };
}

/**
 * Runs a describe block per image store, `<title> [folder]` and `<title> [s3]`; the s3 block starts its own
 * object server (s3rver) in-process.
 */
export function describeEachImageStore(title: string, body: (kind: TestImageStoreKind) => void): void {
  describe(`${title} [folder]`, () => body({ name: 'folder', create: createFolderTestImageStore }));
  describe(`${title} [s3]`, () => {
    const server = useTestObjectServer();
    body({ name: 's3', create: (options) => createS3TestImageStore(server(), options) });
  });
}
