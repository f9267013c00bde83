import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { createKyselyRepository } from './kysely-repository.js';
import { migrateToLatest } from './migrations.js';
import { withCurrentSchemaIntrospection } from './postgres-dialect.js';
import { createPostgresNotices } from './postgres-notices.js';
import type { Repository } from './repository.js';

/** Where and how to connect to PostgreSQL. */
export type PostgresOptions = {
  readonly connectionString: string;
  /** A schema to work in (tests use a fresh one each run); the server's default search_path otherwise. */
  readonly schema?: string;
  /** Pool size per instance. */
  readonly maxConnections?: number;
  /** Told about errors of idle pooled connections (the pool replaces them). */
  readonly onPoolError?: (error: Error) => void;
};

/** Connects a pool to PostgreSQL, migrates the schema and returns the repository. */
export async function openPostgresRepository(options: PostgresOptions): Promise<Repository> {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error('invariant: a PostgreSQL schema name is lower-case letters, digits and underscores');
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // fail fast while PostgreSQL is down or overloaded (a 503), instead of queueing requests without bound
    connectionTimeoutMillis: 2000,
    query_timeout: 10_000,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  // A client that is checked out when PostgreSQL goes away emits 'error' on itself, not on the pool; unheard,
  // that would crash the process. The query in flight fails on its own (a 503) and the pool drops the client.
  pool.on('connect', (client) => client.on('error', (error) => options.onPoolError?.(error)));
  const db = new Kysely<Database>({ dialect: withCurrentSchemaIntrospection(new PostgresDialect({ pool })) });
  let schema: string;
  try {
    // the schema the pool's search_path picks (an explicit one, or the server's default, usually `public`)
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    const current = rows[0]?.schema;
    if (!current) throw new Error('PostgreSQL has no current schema: no schema on the search_path exists');
    await migrateToLatest(db, 'postgres', current);
    schema = current;
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const notices = createPostgresNotices({
    connectionString: options.connectionString,
    schema,
    ...(options.onPoolError ? { onError: options.onPoolError } : {}),
  });
  return createKyselyRepository(db, 'postgres', notices);
}
