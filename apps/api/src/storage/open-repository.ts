import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { openPostgresRepository } from './postgres-repository.js';
import type { Repository } from './repository.js';
import { openSqliteRepository, sqliteFileIn } from './sqlite-repository.js';

/** Opens the configured storage: PostgreSQL when `DATABASE_URL` is set, else SQLite in the data folder. */
export function openRepository(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'pgPoolMax'>,
  logger: Logger,
): Promise<Repository> {
  if (config.databaseUrl !== null) {
    return openPostgresRepository({
      connectionString: config.databaseUrl,
      maxConnections: config.pgPoolMax,
      onPoolError: (error) => logger.warn({ err: error }, 'idle PostgreSQL connection failed'),
    });
  }
  return openSqliteRepository(sqliteFileIn(config.dataDir));
}

/** Where the configured storage lives, for a log line (no credentials). */
export function describeStorage(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (config.databaseUrl === null) return `sqlite:${sqliteFileIn(config.dataDir)}`;
  try {
    const url = new URL(config.databaseUrl);
    return `postgres://${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'postgres';
  }
}
