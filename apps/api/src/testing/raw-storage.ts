import { existsSync, readFileSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { sqliteFileIn } from '../storage/sqlite-repository.js';
import type { TestStorage } from './test-storage.js';

// What is on disk, beside the repository: a test's own connection to its storage, for reading every row of every
// table as stored (no mapping, no schema parse) and for making a row look as an older version wrote it.

/** A connection of a test's own to a test storage (SQLite file or PostgreSQL schema); `close` ends it. */
export type RawStorage = { readonly db: Kysely<unknown>; close(): Promise<void> };

function envOf(storage: TestStorage, name: string): string {
  const value = storage.env[name];
  if (value === undefined) throw new Error(`invariant: a ${storage.kind} test storage sets ${name}`);
  return value;
}

/** Opens a connection to the storage, beside any repository open on it. */
export function openRawStorage(storage: TestStorage): RawStorage {
  if (storage.kind === 'sqlite') {
    const database = new SqliteDatabase(sqliteFileIn(envOf(storage, 'PAVE_DATA_DIR')), { fileMustExist: true });
    database.pragma('busy_timeout = 5000');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
    return { db, close: () => db.destroy() };
  }
  // DATABASE_URL carries the test schema as the search_path
  const pool = new pg.Pool({ connectionString: envOf(storage, 'DATABASE_URL'), max: 1 });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}

async function tableNames(storage: TestStorage, db: Kysely<unknown>): Promise<string[]> {
  const { rows } =
    storage.kind === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.map((row) => row.name);
}

/** Every row of every table of the storage (Kysely's own included), as JSON text, by table. */
export async function readRawTables(storage: TestStorage): Promise<Record<string, string[]>> {
  const raw = openRawStorage(storage);
  try {
    const tables: Record<string, string[]> = {};
    for (const name of await tableNames(storage, raw.db)) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(raw.db);
      tables[name] = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => bigintAsText(value)));
    }
    return tables;
  } finally {
    await raw.close();
  }
}

function bigintAsText(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** The tables holding `text` anywhere in a row, with how many of their rows do. */
export async function tablesHolding(storage: TestStorage, text: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const [name, rows] of Object.entries(await readRawTables(storage))) {
    const count = rows.filter((row) => row.includes(text)).length;
    if (count > 0) found[name] = count;
  }
  return found;
}

/** The bytes of a SQLite storage's files (database, WAL), free pages included; none for PostgreSQL. */
export function readSqliteFiles(storage: TestStorage): Buffer[] {
  if (storage.kind !== 'sqlite') return [];
  const file = sqliteFileIn(envOf(storage, 'PAVE_DATA_DIR'));
  return [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path));
}
