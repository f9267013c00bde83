import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresRepository } from '../storage/postgres-repository.js';
import type { Repository } from '../storage/repository.js';
import { openSqliteRepository } from '../storage/sqlite-repository.js';

/** PostgreSQL for tests; unset means the PostgreSQL suites skip (and say so). */
export const testDatabaseUrl: string | undefined = process.env['PAVE_TEST_DATABASE_URL'] || undefined;

/** A storage a test owns: `open` may be called again after closing (a restart); `destroy` removes everything. */
export type TestStorage = {
  readonly kind: 'sqlite' | 'postgres';
  open(): Promise<Repository>;
  destroy(): Promise<void>;
};

/** A SQLite file in a fresh temporary folder. */
export function createSqliteTestStorage(): TestStorage {
  const dir = mkdtempSync(join(tmpdir(), 'pave-api-'));
  return {
    kind: 'sqlite',
    open: () => openSqliteRepository(join(dir, 'pave.sqlite')),
    destroy: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

async function runAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh schema `pave_test_<random>` on the test PostgreSQL, dropped by `destroy`. */
export async function createPostgresTestStorage(url: string): Promise<TestStorage> {
  const schema = `pave_test_${randomBytes(6).toString('hex')}`;
  await runAdmin(url, `create schema ${schema}`);
  return {
    kind: 'postgres',
    open: () => openPostgresRepository({ connectionString: url, schema, maxConnections: 4 }),
    destroy: () => runAdmin(url, `drop schema ${schema} cascade`),
  };
}

/** A factory of test storages of one kind. */
export type TestStorageKind = { readonly name: 'sqlite' | 'postgres'; readonly create: () => Promise<TestStorage> };

/** SQLite always; PostgreSQL when PAVE_TEST_DATABASE_URL is set (otherwise a notice says it was skipped). */
export function availableStorageKinds(): TestStorageKind[] {
  const kinds: TestStorageKind[] = [{ name: 'sqlite', create: () => Promise.resolve(createSqliteTestStorage()) }];
  if (testDatabaseUrl) {
    const url = testDatabaseUrl;
    kinds.push({ name: 'postgres', create: () => createPostgresTestStorage(url) });
  }
  return kinds;
}

/** Runs a describe block once per available storage; says when PostgreSQL is skipped. */
export function describeEachStorage(title: string, body: (kind: TestStorageKind) => void): void {
  for (const kind of availableStorageKinds()) describe(`${title} [${kind.name}]`, () => body(kind));
  if (!testDatabaseUrl) {
    console.info(`${title}: PostgreSQL run skipped because PAVE_TEST_DATABASE_URL is unset`);
    describe(`${title} [postgres]`, () => {
      it.skip('needs PAVE_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)', () => undefined);
    });
  }
}
