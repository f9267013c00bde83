import { type Kysely, sql } from 'kysely';
import { createAccountStore } from './account-store.js';
import { createAttemptStore } from './attempt-store.js';
import type { Database, StorageDialect } from './database.js';
import { createNoteStore } from './note-store.js';
import { createRateLimitStore } from './rate-limit-store.js';
import type { Repository } from './repository.js';
import { createSessionStore } from './session-store.js';

/** The repository over a migrated Kysely database; the same code serves SQLite and PostgreSQL. */
export function createKyselyRepository(db: Kysely<Database>, dialect: StorageDialect): Repository {
  return {
    dialect,
    accounts: createAccountStore(db),
    sessions: createSessionStore(db),
    attempts: createAttemptStore(db),
    notes: createNoteStore(db),
    rateLimits: createRateLimitStore(db),
    async ping() {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
