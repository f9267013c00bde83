import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresRepository } from '../storage/postgres-repository.js';
import type { Repository } from '../storage/repository.js';
import { openSqliteRepository, sqliteFileIn } from '../storage/sqlite-repository.js';

/** PostgreSQL for tests; unset means the PostgreSQL suites are skipped (and say so). */
export const testDatabaseUrl: string | undefined = process.env['PAVE_TEST_DATABASE_URL'] || undefined;

/** Why the PostgreSQL suites are skipped here; null when they run. */
export const postgresSkipReason: string | null = testDatabaseUrl
  ? null
  : 'PostgreSQL suites (PAVE_TEST_DATABASE_URL unset)';

/** The test database's URL, for code that runs only inside a suite skipped without it. */
export function requireTestDatabaseUrl(): string {
  if (!testDatabaseUrl) throw new Error('invariant: a PostgreSQL suite runs only when PAVE_TEST_DATABASE_URL is set');
  return testDatabaseUrl;
}

/**
 * `describe` when `skipReason` is null; else `describe.skip`, collected all the same (so Jest counts each test as
 * skipped) with `[skipped: <reason>]` in its name, which the skip reporter (tools/jest) groups the count by.
 */
export function describeOrSkip(skipReason: string | null, name: string, tests: () => void): void {
  if (skipReason === null) describe(name, tests);
  else describe.skip(`${name} [skipped: ${skipReason}]`, tests);
}

/** A storage a test owns: `open` may be called again after closing (a restart); `destroy` removes everything. */
export type TestStorage = {
  readonly kind: 'sqlite' | 'postgres';
  /** The environment that points a server process at this storage (PAVE_DATA_DIR or DATABASE_URL). */
  readonly env: Readonly<Record<string, string>>;
  open(): Promise<Repository>;
  destroy(): Promise<void>;
};

/** A SQLite file in a fresh temporary folder. */
export function createSqliteTestStorage(): TestStorage {
  const dir = mkdtempSync(join(tmpdir(), 'pave-api-'));
  return {
    kind: 'sqlite',
    env: { PAVE_DATA_DIR: dir },
    open: () => openSqliteRepository(sqliteFileIn(dir)),
    destroy: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** A repository open on its own fresh SQLite file; `close` closes it and removes the file. */
export type SqliteTestRepository = { readonly repo: Repository; close(): Promise<void> };

/** Opens a repository on a fresh SQLite file (one test's storage). */
export async function openSqliteTestRepository(): Promise<SqliteTestRepository> {
  const storage = createSqliteTestStorage();
  const repo = await storage.open();
  return {
    repo,
    close: async () => {
      await repo.close();
      await storage.destroy();
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
  const separator = url.includes('?') ? '&' : '?';
  return {
    kind: 'postgres',
    env: { DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` },
    open: () => openPostgresRepository({ connectionString: url, schema, maxConnections: 4 }),
    destroy: () => runAdmin(url, `drop schema ${schema} cascade`),
  };
}

/** A factory of test storages of one kind, and why it cannot run here (null when it can). */
export type TestStorageKind = {
  readonly name: 'sqlite' | 'postgres';
  readonly skipReason: string | null;
  readonly create: () => Promise<TestStorage>;
};

/** SQLite, and PostgreSQL (skipped where PAVE_TEST_DATABASE_URL is unset). `create` is called only in a run. */
export const storageKinds: readonly TestStorageKind[] = [
  { name: 'sqlite', skipReason: null, create: () => Promise.resolve(createSqliteTestStorage()) },
  {
    name: 'postgres',
    skipReason: postgresSkipReason,
    create: () => createPostgresTestStorage(requireTestDatabaseUrl()),
  },
];

/** Runs a describe block per kind, `<title> [<kind's name>]`, each skipped (with its reason) where it cannot run. */
export function describeEachKind<K extends { readonly name: string; readonly skipReason: string | null }>(
  kinds: readonly K[],
  title: string,
  body: (kind: K) => void,
): void {
  for (const kind of kinds) describeOrSkip(kind.skipReason, `${title} [${kind.name}]`, () => body(kind));
}

/** Runs a describe block once per storage kind (see {@link describeEachKind}). */
export function describeEachStorage(title: string, body: (kind: TestStorageKind) => void): void {
  describeEachKind(storageKinds, title, body);
}
