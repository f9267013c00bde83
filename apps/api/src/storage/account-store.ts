import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { AccountStore } from './repository.js';
import { toAccountRow, toAccountValues } from './row-mappers.js';

/** Accounts on Kysely (SQLite or PostgreSQL). */
export function createAccountStore(db: Kysely<Database>): AccountStore {
  return {
    async create(account) {
      const row = await db
        .insertInto('accounts')
        .values(toAccountValues(account))
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? { ok: true, value: toAccountRow(row) } : { ok: false, error: { code: 'account_exists' } };
    },
    async findByApiKey(apiKey) {
      const row = await db
        .selectFrom('accounts')
        .selectAll()
        .where('api_key', '=', apiKey)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row ? toAccountRow(row) : null;
    },
    async findByUsername(username) {
      const row = await db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
      return row ? toAccountRow(row) : null;
    },
    async findById(id) {
      const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAccountRow(row) : null;
    },
    async list() {
      const rows = await db.selectFrom('accounts').selectAll().orderBy('id', 'asc').execute();
      return rows.map(toAccountRow);
    },
    async revoke(apiKey, at) {
      const result = await db
        .updateTable('accounts')
        .set({ revoked_at: at })
        .where('api_key', '=', apiKey)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async rotateSecret({ apiKey, apiSecret, previousUntil }) {
      const row = await db
        .updateTable('accounts')
        .set((eb) => ({
          previous_api_secret: eb.ref('api_secret'),
          previous_secret_expires_at: previousUntil,
          api_secret: apiSecret,
        }))
        .where('api_key', '=', apiKey)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      return row ? toAccountRow(row) : null;
    },
    async replaceSecrets(id, from, to) {
      const result = await db
        .updateTable('accounts')
        .set({ api_secret: to.apiSecret, previous_api_secret: to.previousApiSecret })
        .where('id', '=', id)
        .where('api_secret', '=', from.apiSecret)
        .where((eb) =>
          from.previousApiSecret === null
            ? eb('previous_api_secret', 'is', null)
            : eb('previous_api_secret', '=', from.previousApiSecret),
        )
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async count() {
      const row = await db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
