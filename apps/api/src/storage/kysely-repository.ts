import { type Kysely, sql } from 'kysely';
import { createAccountStore } from './account-store.js';
import { createApiKeyStore } from './api-key-store.js';
import { createAuditStore } from './audit-store.js';
import { createAttemptStore } from './attempt-store.js';
import { createCallbackStore } from './callback-store.js';
import { createDeliveryStore } from './delivery-store.js';
import { createLocalNotices, joinNotices, type EventNotices } from './event-notices.js';
import { createErasureStore } from './erasure-store.js';
import { createEventBus, createEventStore } from './event-store.js';
import { createSigningSecretStore } from './signing-secret-store.js';
import type { Database, StorageDialect } from './database.js';
import { createNoteStore } from './note-store.js';
import { createRateLimitStore } from './rate-limit-store.js';
import type { Repository } from './repository.js';
import { createSessionStore } from './session-store.js';
import { createUserStore } from './user-store.js';

/**
 * The repository over a migrated Kysely database; the same code serves SQLite and PostgreSQL. Notices of recorded
 * events come from this instance's commits, joined (PostgreSQL) with `sharedNotices`, every instance's.
 */
export function createKyselyRepository(
  db: Kysely<Database>,
  dialect: StorageDialect,
  sharedNotices: EventNotices | null = null,
): Repository {
  const bus = createEventBus();
  const local = createLocalNotices((listener) => bus.subscribe(({ events }) => listener(events)));
  const notices = sharedNotices ? joinNotices(local, sharedNotices) : local;
  return {
    dialect,
    accounts: createAccountStore(db),
    sessions: createSessionStore(db, bus),
    attempts: createAttemptStore(db, bus),
    notes: createNoteStore(db, bus),
    rateLimits: createRateLimitStore(db),
    erasures: createErasureStore(db),
    events: createEventStore(db, bus),
    callbacks: createCallbackStore(db),
    signingSecrets: createSigningSecretStore(db),
    deliveries: createDeliveryStore(db, dialect),
    users: createUserStore(db, dialect),
    apiKeys: createApiKeyStore(db),
    audit: createAuditStore(db),
    notices,
    async ping() {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await notices.close();
      await db.destroy();
    },
  };
}
