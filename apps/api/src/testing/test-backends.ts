import {
  createFolderTestImageStore,
  createS3TestImageStore,
  useTestObjectServer,
  type TestImageStore,
} from './test-image-stores.js';
import { describeOrSkip, storageKinds, type TestStorageKind } from './test-storage.js';

/** A database and an image store that a suite runs on together. */
export type TestBackend = {
  readonly name: 'sqlite+folder' | 'postgres+s3';
  readonly storage: TestStorageKind;
  /** A fresh image store of the backend's kind: a folder (in `dataDir` when given), or a new bucket. */
  readonly createImages: (dataDir?: string) => Promise<TestImageStore>;
};

function storageKind(name: TestStorageKind['name']): TestStorageKind {
  const kind = storageKinds.find((candidate) => candidate.name === name);
  if (!kind) throw new Error(`invariant: no storage kind ${name}`);
  return kind;
}

/**
 * Runs a describe block on SQLite with the folder store and on PostgreSQL with a bucket (s3rver in-process), the
 * two deployments the README describes, rather than on every pairing: each store is still covered once per
 * suite. The second is skipped, with its reason, where PostgreSQL is absent.
 */
export function describeEachBackend(title: string, body: (backend: TestBackend) => void): void {
  const sqlite = storageKind('sqlite');
  const postgres = storageKind('postgres');
  describeOrSkip(sqlite.skipReason, `${title} [sqlite+folder]`, () =>
    body({
      name: 'sqlite+folder',
      storage: sqlite,
      createImages: (dataDir) => createFolderTestImageStore(dataDir ? { dataDir } : {}),
    }),
  );
  describeOrSkip(postgres.skipReason, `${title} [postgres+s3]`, () => {
    const server = useTestObjectServer();
    body({ name: 'postgres+s3', storage: postgres, createImages: () => createS3TestImageStore(server()) });
  });
}
