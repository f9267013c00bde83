import { sql } from 'kysely';
import type { StorageDialect } from './database.js';
import { createTableWithId, type MigrationDb } from './migration-helpers.js';

type Db = MigrationDb;

async function createUsers(db: Db, dialect: StorageDialect): Promise<void> {
  await createTableWithId(db, dialect, 'users')
    .addColumn('account_id', 'bigint', (col) => col.notNull().references('accounts.id'))
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_login_at', 'bigint')
    .execute();
  await sql`create index if not exists users_account_idx on users (account_id, id)`.execute(db);
  await createTableWithId(db, dialect, 'user_sessions')
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .execute();
  await sql`create index if not exists user_sessions_user_idx on user_sessions (user_id)`.execute(db);
}

async function createInvitesAndKeys(db: Db, dialect: StorageDialect): Promise<void> {
  await createTableWithId(db, dialect, 'invites')
    .addColumn('account_id', 'bigint', (col) => col.notNull().references('accounts.id'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('user_id', 'bigint')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await sql`create index if not exists invites_account_idx on invites (account_id, id)`.execute(db);
  await createTableWithId(db, dialect, 'api_keys')
    .addColumn('account_id', 'bigint', (col) => col.notNull().references('accounts.id'))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('api_key', 'text', (col) => col.notNull().unique())
    .addColumn('api_secret', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await createTableWithId(db, dialect, 'audit_log')
    .addColumn('account_id', 'bigint', (col) => col.notNull().references('accounts.id'))
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('target', 'text', (col) => col.notNull())
    .addColumn('detail', 'text', (col) => col.notNull())
    .execute();
  await sql`create index if not exists audit_log_account_idx on audit_log (account_id, id desc)`.execute(db);
}

/** Migration 0040: users, their browser sessions, one-time links, extra API keys and the audit log. */
export async function migratePeople(db: Db, dialect: StorageDialect): Promise<void> {
  await createUsers(db, dialect);
  await createInvitesAndKeys(db, dialect);
}
