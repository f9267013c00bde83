import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase as KyselySqliteDatabase, type SqliteStatement } from 'kysely';
import type { Database } from './database.js';
import { createKyselyRepository } from './kysely-repository.js';
import { migrateToLatest } from './migrations.js';
import type { Repository } from './repository.js';

/** The SQLite file inside a data folder. */
export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, 'pave.sqlite');
}

const statementCacheSize = 256;

/**
 * Kysely prepares every query anew; preparing costs more than running a small indexed query. This keeps the
 * prepared statements of the last {@link statementCacheSize} distinct SQL texts (Kysely only runs them to
 * completion, and better-sqlite3 is synchronous, so a statement is never in use twice at once).
 */
function withStatementCache(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached) return cached;
      const statement = database.prepare(sql);
      if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value ?? '');
      cache.set(sql, statement);
      return statement;
    },
  };
}

/** Opens (creating if needed) a SQLite database file in WAL mode, migrates it and returns the repository. */
export async function openSqliteRepository(file: string): Promise<Repository> {
  // the data folder and the database hold every session and (sealed) secret: owner only, also for older installs
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(dirname(file), 0o700);
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
  // several processes (server, accounts CLI) may write: wait for the lock instead of failing at once
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  try {
    await migrateToLatest(db, 'sqlite');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyRepository(db, 'sqlite');
}
