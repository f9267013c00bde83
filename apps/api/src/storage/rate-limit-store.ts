import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { RateLimitStore } from './repository.js';

/**
 * Rate-limit counters on Kysely (SQLite ≥ 3.35 or PostgreSQL): one atomic upsert per request, so instances
 * sharing a PostgreSQL count together and no increment is lost under concurrency.
 */
export function createRateLimitStore(db: Kysely<Database>): RateLimitStore {
  return {
    async hit(apiKey, windowStart) {
      const row = await db
        .insertInto('rate_limits')
        .values({ api_key: apiKey, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc.columns(['api_key', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) })),
        )
        .returning('count')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async prune(before) {
      const result = await db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
