import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import type { Database, StorageDialect } from './database.js';
import { stripEventCaptureTokens } from './capture-token-migration.js';
import { createTableWithId, type MigrationDb } from './migration-helpers.js';
import { migratePeople } from './people-migration.js';

// Migrations live in code (the app is bundled, so there is no folder to glob). Append new ones; never edit old ones.

type Db = MigrationDb;

async function createAccounts(db: Db, dialect: StorageDialect): Promise<void> {
  await createTableWithId(db, dialect, 'accounts')
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('api_key', 'text', (col) => col.notNull().unique())
    .addColumn('api_secret', 'text', (col) => col.notNull())
    .addColumn('expiry_seconds', 'integer', (col) => col.notNull().defaultTo(604800))
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
}

async function createSessions(db: Db, dialect: StorageDialect): Promise<void> {
  await createTableWithId(db, dialect, 'sessions')
    .addColumn('session_key', 'text', (col) => col.notNull().unique())
    .addColumn('account_id', 'bigint', (col) => col.notNull().references('accounts.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('theme', 'text', (col) => col.notNull())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('redirect_url', 'text')
    .addColumn('client_id', 'text')
    .addColumn('vehicle_json', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .execute();
  // serves the account's list, newest first, with keyset pagination on (created_at, id)
  await sql`create index if not exists sessions_account_created_idx on sessions (account_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index if not exists sessions_status_expires_idx on sessions (status, expires_at)`.execute(db);
}

async function createAttempts(db: Db, dialect: StorageDialect): Promise<void> {
  await createTableWithId(db, dialect, 'attempts')
    .addColumn('session_id', 'bigint', (col) => col.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('photo_code', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('approved', dialect === 'sqlite' ? 'integer' : 'boolean', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('reason_code', 'text')
    .addColumn('image_id', 'text')
    .addColumn('manual_value', 'text')
    .addColumn('qa_measures', 'text')
    .addColumn('processing_ms', 'integer')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addColumn('verdict_at', 'bigint', (col) => col.notNull())
    .execute();
  // serves GET …/photos: one session's attempts in capture order, whatever the table's size
  await sql`create unique index if not exists attempts_session_seq_idx on attempts (session_id, seq)`.execute(db);
}

async function createRateLimits(db: Db): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .ifNotExists()
    .addColumn('api_key', 'text', (col) => col.notNull())
    .addColumn('window_start', 'bigint', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('rate_limits_pkey', ['api_key', 'window_start'])
    .execute();
  // serves prune: old windows are deleted by start, whatever the number of keys
  await sql`create index if not exists rate_limits_window_start_idx on rate_limits (window_start)`.execute(db);
}

async function addSessionDropinColumns(db: Db): Promise<void> {
  const columns = [
    ['contact_json', 'text'],
    ['reference_json', 'text'],
    ['sms_json', 'text'],
    ['inspect_started_at', 'bigint'],
    ['inspect_ended_at', 'bigint'],
    ['invalid_reason', 'text'],
    ['learned_vin', 'text'],
    ['learned_odometer', 'integer'],
  ] as const;
  // one column per statement: SQLite's alter table adds one at a time
  for (const [name, type] of columns) await db.schema.alterTable('sessions').addColumn(name, type).execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  // sessions captured before this migration: the capture started with its first attempt, ended when completed
  await sql`update sessions set inspect_started_at = (select min(a.created_at) from attempts a where a.session_id = sessions.id) where status <> 'IDLE'`.execute(
    db,
  );
  await sql`update sessions set inspect_ended_at = updated_at where status = 'COMPLETE'`.execute(db);
  await sql`update sessions set invalid_reason = '' where status = 'INVALID'`.execute(db);
}

async function createSessionNotes(db: Db, dialect: StorageDialect): Promise<void> {
  await createTableWithId(db, dialect, 'session_notes')
    .addColumn('session_id', 'bigint', (col) => col.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('note', 'text', (col) => col.notNull())
    .addColumn('author', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
  // serves GET …/notes: one session's notes, oldest first
  await sql`create index if not exists session_notes_session_idx on session_notes (session_id, id)`.execute(db);
}

async function createSessionEvents(db: Db, dialect: StorageDialect): Promise<void> {
  await createTableWithId(db, dialect, 'session_events')
    .addColumn('event_id', 'text', (col) => col.notNull().unique())
    .addColumn('account_id', 'bigint', (col) => col.notNull().references('accounts.id'))
    .addColumn('session_id', 'bigint', (col) => col.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('session_key', 'text', (col) => col.notNull())
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
  // one seq per session (the live stream resumes after a seq), and the index that reads a session's events in order
  await sql`create unique index if not exists session_events_session_seq_idx on session_events (session_id, seq)`.execute(
    db,
  );
}

/**
 * The account index of the live streams, and on PostgreSQL a trigger that NOTIFYs `pave_events.<schema>` with
 * `{"a": account_id, "k": session_key, "s": seq}` for every recorded event. PostgreSQL delivers it when (and only
 * if) the transaction commits, to every instance LISTENing (postgres-notices.ts).
 */
async function createLiveEventSupport(db: Db, dialect: StorageDialect): Promise<void> {
  await sql`create index if not exists session_events_account_idx on session_events (account_id, id)`.execute(db);
  if (dialect !== 'postgres') return;
  await sql`
    create or replace function pave_notify_session_event() returns trigger language plpgsql as $$
    begin
      perform pg_notify(
        'pave_events.' || tg_table_schema,
        json_build_object('a', new.account_id, 'k', new.session_key, 's', new.seq)::text
      );
      return null;
    end
    $$`.execute(db);
  await sql`drop trigger if exists session_events_notify on session_events`.execute(db);
  await sql`
    create trigger session_events_notify after insert on session_events
    for each row execute function pave_notify_session_event()`.execute(db);
}

async function createCallbacks(db: Db, dialect: StorageDialect): Promise<void> {
  await createTableWithId(db, dialect, 'callbacks')
    .addColumn('account_id', 'bigint', (col) => col.notNull().references('accounts.id'))
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('headers_json', 'text', (col) => col.notNull())
    .addColumn('payload_json', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addUniqueConstraint('callbacks_account_event_key', ['account_id', 'event'])
    .execute();
  await db.schema
    .createTable('signing_secrets')
    .ifNotExists()
    .addColumn('account_id', 'bigint', (col) => col.primaryKey().references('accounts.id'))
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_expires_at', 'bigint')
    .execute();
}

async function createDeliveries(db: Db, dialect: StorageDialect): Promise<void> {
  await createTableWithId(db, dialect, 'deliveries')
    .addColumn('account_id', 'bigint', (col) => col.notNull().references('accounts.id'))
    .addColumn('session_event_id', 'bigint', (col) => col.notNull().references('session_events.id').onDelete('cascade'))
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('session_key', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('failed_tries', 'integer', (col) => col.notNull())
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('lease_until', 'bigint')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addColumn('delivered_at', 'bigint')
    .execute();
  // the dispatcher's claim: due pending deliveries, oldest due first
  await sql`create index if not exists deliveries_due_idx on deliveries (state, next_attempt_at)`.execute(db);
  // the delivery log: an account's deliveries, newest first
  await sql`create index if not exists deliveries_account_idx on deliveries (account_id, id desc)`.execute(db);
  await createTableWithId(db, dialect, 'delivery_attempts')
    .addColumn('delivery_id', 'bigint', (col) => col.notNull().references('deliveries.id').onDelete('cascade'))
    .addColumn('attempted_at', 'bigint', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('latency_ms', 'integer', (col) => col.notNull())
    .addColumn('error', 'text')
    .execute();
  await sql`create index if not exists delivery_attempts_delivery_idx on delivery_attempts (delivery_id, id)`.execute(
    db,
  );
}

/** Every migration, by name (applied in name order). */
export function createMigrations(dialect: StorageDialect): Record<string, Migration> {
  return {
    '0001_accounts_sessions_attempts': {
      up: async (db: Db) => {
        await createAccounts(db, dialect);
        await createSessions(db, dialect);
        await createAttempts(db, dialect);
      },
    },
    // serves the start-up image sweep: "which of these image ids does some attempt point to?"
    '0002_attempts_image_id_index': {
      up: async (db: Db) => {
        await sql`create index if not exists attempts_image_id_idx on attempts (image_id)`.execute(db);
      },
    },
    // rate limiting per API key (src/http/rate-limit.ts): one counter per key and fixed one-minute window
    '0003_rate_limits': {
      up: async (db: Db) => {
        await createRateLimits(db);
      },
    },
    // a version that every appended attempt raises, so an instance can keep a session's photos answer until it changes
    '0004_sessions_photos_version': {
      up: async (db: Db) => {
        await db.schema
          .alterTable('sessions')
          .addColumn('photos_version', 'integer', (col) => col.notNull().defaultTo(0))
          .execute();
      },
    },
    // PAVE's session object and update (issue #12): contact, reference, sms, inspection times, invalidation reason,
    // a version for compare-and-set updates, and what capture learned (typed VIN, odometer reading)
    '0005_sessions_dropin_fields': {
      up: async (db: Db) => {
        await addSessionDropinColumns(db);
      },
    },
    // reviewers' notes (GET/POST /v1/sessions/:key/notes)
    '0006_session_notes': {
      up: async (db: Db) => {
        await createSessionNotes(db, dialect);
      },
    },
    // the transactional outbox: session events, numbered per session, written in the transaction of their change
    '0010_session_events': {
      up: async (db: Db) => {
        await createSessionEvents(db, dialect);
      },
    },
    // PAVE's callback configurations and each account's signing secret
    '0011_callbacks_signing_secrets': {
      up: async (db: Db) => {
        await createCallbacks(db, dialect);
      },
    },
    // deliveries of events to callbacks, and each try of them
    '0012_deliveries': {
      up: async (db: Db) => {
        await createDeliveries(db, dialect);
      },
    },
    // the capture link's own token (sessions/capture-token.ts): its hash, and the token sealed with the secret key;
    // older sessions get theirs at start-up (sessions/backfill-capture-tokens.ts)
    '0015_sessions_capture_token': {
      up: async (db: Db) => {
        await db.schema.alterTable('sessions').addColumn('capture_token_hash', 'text').execute();
        await db.schema.alterTable('sessions').addColumn('capture_token_sealed', 'text').execute();
      },
    },
    // live streams: an account's events in order (GET /v1/events), and on PostgreSQL a NOTIFY at each commit
    '0020_session_events_live': {
      up: async (db: Db) => {
        await createLiveEventSupport(db, dialect);
      },
    },
    // the per-account storage quota (capture/storage-quota.ts): each attempt's image bytes, and their sum per account
    // (images stored before this migration are not counted)
    '0030_image_bytes': {
      up: async (db: Db) => {
        await db.schema.alterTable('attempts').addColumn('image_bytes', 'bigint').execute();
        await db.schema
          .alterTable('accounts')
          .addColumn('stored_image_bytes', 'bigint', (col) => col.notNull().defaultTo(0))
          .execute();
      },
    },
    // rotating an account's API secret with a grace period (`npm run accounts -- rotate`): the previous secret, until when
    '0032_account_secret_rotation': {
      up: async (db: Db) => {
        await db.schema.alterTable('accounts').addColumn('previous_api_secret', 'text').execute();
        await db.schema.alterTable('accounts').addColumn('previous_secret_expires_at', 'bigint').execute();
      },
    },
    // erasing a session for good (POST …/erase, PAVE_RETENTION_DAYS): a tombstone per erased session, and the index
    // the retention sweep finds finished sessions by
    '0031_session_erasures': {
      up: async (db: Db) => {
        await createTableWithId(db, dialect, 'session_erasures')
          .addColumn('session_key', 'text', (col) => col.notNull())
          .addColumn('account_id', 'bigint', (col) => col.notNull())
          .addColumn('reason', 'text', (col) => col.notNull())
          .addColumn('erased_at', 'bigint', (col) => col.notNull())
          .addColumn('attempts', 'integer', (col) => col.notNull())
          .addColumn('images', 'integer', (col) => col.notNull())
          .execute();
        await sql`create index if not exists session_erasures_account_idx on session_erasures (account_id, id)`.execute(
          db,
        );
        await sql`create index if not exists sessions_status_updated_idx on sessions (status, updated_at)`.execute(db);
      },
    },
    // people and roles (issue 19): users, cookie sessions, one-time links, extra API keys, the audit log
    '0040_people': {
      up: async (db: Db) => {
        await migratePeople(db, dialect);
      },
    },
    // no capture token in the clear (docs/security.md): SESSION:COMPLETE payloads stored before keep their capture
    // link without its token; callbacks and signed streams put it back from the session's sealed copy
    '0045_events_without_capture_tokens': {
      up: async (db: Db) => {
        await stripEventCaptureTokens(db, dialect);
      },
    },
  };
}

/**
 * Brings the schema up to date; idempotent, and safe when several instances start at once (Kysely's migration lock).
 * On PostgreSQL, `schema` is where the tables live: Kysely keeps its migration tables there too, because without a
 * schema it takes a `kysely_migration_lock` in any other schema of the database as its own and never creates one.
 */
export async function migrateToLatest(db: Kysely<Database>, dialect: StorageDialect, schema?: string): Promise<void> {
  const migrations = createMigrations(dialect);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // features are numbered when they start, not when they land: a later-numbered one may reach a database first
    allowUnorderedMigrations: true,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  const reason = error instanceof Error ? error.message : String(error);
  throw new Error(`${failed ? `Storage migration ${failed}` : 'Opening storage'} failed: ${reason}`, { cause: error });
}
