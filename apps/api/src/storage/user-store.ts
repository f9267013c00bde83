import { InviteKind, Role } from '@pave/domain';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, StorageDialect } from './database.js';
import type { InvitesTable, UsersTable, UserSessionsTable } from './people-tables.js';
import type { InviteRow, PeopleChangeError, UserRow, UserSessionRow, UserStore } from './people-repository.js';

function toUserRow(row: Selectable<UsersTable>): UserRow {
  return {
    id: Number(row.id),
    accountId: Number(row.account_id),
    email: row.email,
    passwordHash: row.password_hash,
    role: Role.parse(row.role),
    createdAt: Number(row.created_at),
    lastLoginAt: row.last_login_at === null ? null : Number(row.last_login_at),
  };
}

function toSessionRow(row: Selectable<UserSessionsTable>): UserSessionRow {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    csrfToken: row.csrf_token,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
  };
}

function toInviteRow(row: Selectable<InvitesTable>): InviteRow {
  return {
    id: Number(row.id),
    accountId: Number(row.account_id),
    kind: InviteKind.parse(row.kind),
    email: row.email,
    role: Role.parse(row.role),
    userId: row.user_id === null ? null : Number(row.user_id),
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    usedAt: row.used_at === null ? null : Number(row.used_at),
  };
}

type Trx = Transaction<Database>;
type Checked = { ok: true; value: UserRow } | { ok: false; error: PeopleChangeError };

/**
 * Reads the person `id` of the account inside `trx` and refuses when `demoting` them would leave the account with no
 * admin. The account's row is locked first (`FOR UPDATE` on PostgreSQL; on SQLite a no-op write takes the one write
 * lock), so concurrent changes of the account's people take turns and each counts the admins the previous one left.
 */
async function checkKeepsAnAdmin(
  trx: Trx,
  dialect: StorageDialect,
  change: { accountId: number; id: number; demoting: boolean },
): Promise<Checked> {
  if (dialect === 'postgres') {
    await trx.selectFrom('accounts').select('id').where('id', '=', change.accountId).forUpdate().execute();
  } else {
    // a write first takes SQLite's write lock before anything is read, so another connection's change waits for it
    // (a deferred transaction that read first could not write after another connection's commit)
    await trx
      .updateTable('accounts')
      .set((eb) => ({ id: eb.ref('id') }))
      .where('id', '=', change.accountId)
      .execute();
  }
  const rows = await trx
    .selectFrom('users')
    .selectAll()
    .where('account_id', '=', change.accountId)
    .where((eb) => eb.or([eb('id', '=', change.id), eb('role', '=', 'admin')]))
    .execute();
  const target = rows.find((row) => Number(row.id) === change.id);
  if (!target) return { ok: false, error: { code: 'user_not_found' } };
  const admins = rows.filter((row) => row.role === 'admin').length;
  if (change.demoting && target.role === 'admin' && admins <= 1) return { ok: false, error: { code: 'last_admin' } };
  return { ok: true, value: toUserRow(target) };
}

function createPeopleQueries(
  db: Kysely<Database>,
  dialect: StorageDialect,
): Pick<
  UserStore,
  'create' | 'findByEmail' | 'findById' | 'list' | 'count' | 'setRole' | 'setPasswordHash' | 'recordLogin' | 'remove'
> {
  return {
    async create(user) {
      const row = await db
        .insertInto('users')
        .values({
          account_id: user.accountId,
          email: user.email,
          password_hash: user.passwordHash,
          role: user.role,
          created_at: user.createdAt,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? { ok: true, value: toUserRow(row) } : { ok: false, error: { code: 'email_taken' } };
    },
    async findByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? toUserRow(row) : null;
    },
    async findById(accountId, id) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toUserRow(row) : null;
    },
    async list(accountId) {
      const rows = await db.selectFrom('users').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
      return rows.map(toUserRow);
    },
    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async setRole(accountId, id, role) {
      return db.transaction().execute(async (trx): Promise<Checked> => {
        const checked = await checkKeepsAnAdmin(trx, dialect, { accountId, id, demoting: role !== 'admin' });
        if (!checked.ok) return checked;
        const row = await trx
          .updateTable('users')
          .set({ role })
          .where('account_id', '=', accountId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return { ok: true, value: toUserRow(row) };
      });
    },
    async setPasswordHash(id, passwordHash) {
      const result = await db
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async recordLogin(id, at) {
      await db.updateTable('users').set({ last_login_at: at }).where('id', '=', id).execute();
    },
    async remove(accountId, id) {
      return db.transaction().execute(async (trx): Promise<Checked> => {
        const checked = await checkKeepsAnAdmin(trx, dialect, { accountId, id, demoting: true });
        if (!checked.ok) return checked;
        await trx.deleteFrom('user_sessions').where('user_id', '=', id).execute();
        await trx.deleteFrom('users').where('account_id', '=', accountId).where('id', '=', id).execute();
        return checked;
      });
    },
  };
}

function createSessionQueries(
  db: Kysely<Database>,
): Pick<UserStore, 'createSession' | 'findSession' | 'extendSession' | 'deleteSession' | 'deleteSessionsOf'> {
  return {
    async createSession(session) {
      const row = await db
        .insertInto('user_sessions')
        .values({
          token_hash: session.tokenHash,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSessionRow(row);
    },
    async findSession(tokenHash, at) {
      const session = await db
        .selectFrom('user_sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      if (!session) return null;
      const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
      return user ? { session: toSessionRow(session), user: toUserRow(user) } : null;
    },
    async extendSession(id, expiresAt) {
      await db.updateTable('user_sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
    },
    async deleteSession(tokenHash) {
      const result = await db.deleteFrom('user_sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async deleteSessionsOf(userId) {
      const result = await db.deleteFrom('user_sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function createInviteQueries(
  db: Kysely<Database>,
): Pick<UserStore, 'createInvite' | 'findInvite' | 'useInvite' | 'releaseInvite' | 'listInvites' | 'deleteInvite'> {
  return {
    async createInvite(invite) {
      const row = await db
        .insertInto('invites')
        .values({
          account_id: invite.accountId,
          token_hash: invite.tokenHash,
          kind: invite.kind,
          email: invite.email,
          role: invite.role,
          user_id: invite.userId,
          created_by: invite.createdBy,
          created_at: invite.createdAt,
          expires_at: invite.expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toInviteRow(row);
    },
    async findInvite(tokenHash) {
      const row = await db.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toInviteRow(row) : null;
    },
    async useInvite(id, at) {
      const result = await db
        .updateTable('invites')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async releaseInvite(id) {
      await db.updateTable('invites').set({ used_at: null }).where('id', '=', id).execute();
    },
    async listInvites(accountId, at) {
      const rows = await db
        .selectFrom('invites')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toInviteRow);
    },
    async deleteInvite(accountId, id) {
      const result = await db
        .deleteFrom('invites')
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

/** People, their sessions and one-time links on Kysely (SQLite or PostgreSQL). */
export function createUserStore(db: Kysely<Database>, dialect: StorageDialect): UserStore {
  return { ...createPeopleQueries(db, dialect), ...createSessionQueries(db), ...createInviteQueries(db) };
}
