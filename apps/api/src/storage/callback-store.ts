import { CallbackEvent, CallbackMethod, CallbackPayload } from '@pave/domain';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { CallbacksTable, Database } from './database.js';
import type { CallbackRow, CallbackStore } from './repository.js';

const StoredHeaders = z.record(z.string(), z.string());

/** A `callbacks` row in domain terms. */
export function toCallbackRow(row: Selectable<CallbacksTable>): CallbackRow {
  return {
    id: Number(row.id),
    accountId: Number(row.account_id),
    event: CallbackEvent.parse(row.event),
    url: row.url,
    method: CallbackMethod.parse(row.method),
    headers: StoredHeaders.parse(JSON.parse(row.headers_json)),
    payload: CallbackPayload.parse(JSON.parse(row.payload_json)),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Callback configurations on Kysely (SQLite or PostgreSQL). */
export function createCallbackStore(db: Kysely<Database>): CallbackStore {
  return {
    async list(accountId) {
      const rows = await db
        .selectFrom('callbacks')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('id')
        .execute();
      return rows.map(toCallbackRow);
    },
    async find(accountId, event) {
      const row = await db
        .selectFrom('callbacks')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('event', '=', event)
        .executeTakeFirst();
      return row ? toCallbackRow(row) : null;
    },
    async save(settings, at) {
      const values = {
        url: settings.url,
        method: settings.method,
        headers_json: JSON.stringify(settings.headers),
        payload_json: JSON.stringify(settings.payload),
        updated_at: at,
      };
      const row = await db
        .insertInto('callbacks')
        .values({ account_id: settings.accountId, event: settings.event, created_at: at, ...values })
        .onConflict((oc) => oc.columns(['account_id', 'event']).doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCallbackRow(row);
    },
    async remove(accountId, event) {
      const result = await db
        .deleteFrom('callbacks')
        .where('account_id', '=', accountId)
        .where('event', '=', event)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
