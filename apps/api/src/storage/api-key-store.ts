import type { Kysely, Selectable } from 'kysely';
import type { Database } from './database.js';
import type { ApiKeysTable } from './people-tables.js';
import type { ApiKeyRow, ApiKeyStore } from './people-repository.js';

function toApiKeyRow(row: Selectable<ApiKeysTable>): ApiKeyRow {
  return {
    id: Number(row.id),
    accountId: Number(row.account_id),
    label: row.label,
    apiKey: row.api_key,
    apiSecret: row.api_secret,
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

/** Extra API keys on Kysely (SQLite or PostgreSQL). */
export function createApiKeyStore(db: Kysely<Database>): ApiKeyStore {
  return {
    async create(key) {
      // a key string must also be unique against the accounts' own keys
      const taken = await db.selectFrom('accounts').select('id').where('api_key', '=', key.apiKey).executeTakeFirst();
      if (taken) return { ok: false, error: { code: 'key_exists' } };
      const row = await db
        .insertInto('api_keys')
        .values({
          account_id: key.accountId,
          label: key.label,
          api_key: key.apiKey,
          api_secret: key.apiSecret,
          created_at: key.createdAt,
        })
        .onConflict((oc) => oc.column('api_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? { ok: true, value: toApiKeyRow(row) } : { ok: false, error: { code: 'key_exists' } };
    },
    async list(accountId) {
      const rows = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('id')
        .execute();
      return rows.map(toApiKeyRow);
    },
    async findActive(apiKey) {
      const row = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('api_key', '=', apiKey)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row ? toApiKeyRow(row) : null;
    },
    async revoke(accountId, apiKey, at) {
      const result = await db
        .updateTable('api_keys')
        .set({ revoked_at: at })
        .where('account_id', '=', accountId)
        .where('api_key', '=', apiKey)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async setSecret(accountId, apiKey, apiSecret) {
      const row = await db
        .updateTable('api_keys')
        .set({ api_secret: apiSecret })
        .where('account_id', '=', accountId)
        .where('api_key', '=', apiKey)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      return row ? toApiKeyRow(row) : null;
    },
    async listAll() {
      const rows = await db.selectFrom('api_keys').selectAll().orderBy('id').execute();
      return rows.map(toApiKeyRow);
    },
    async replaceSecret(id, from, to) {
      const result = await db
        .updateTable('api_keys')
        .set({ api_secret: to })
        .where('id', '=', id)
        .where('api_secret', '=', from)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
