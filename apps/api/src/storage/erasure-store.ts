import { terminalStatuses } from '@pave/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';
import type { ErasedSession, ErasureReason, ErasureStore } from './repository.js';

/** Takes the session's lock (its row on PostgreSQL, the write lock on SQLite); null when it is gone. */
async function lockSession(trx: Transaction<Database>, sessionId: number) {
  return trx
    .updateTable('sessions')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', sessionId)
    .returning(['id', 'account_id', 'session_key'])
    .executeTakeFirst();
}

async function eraseLocked(
  trx: Transaction<Database>,
  sessionId: number,
  reason: ErasureReason,
  at: number,
): Promise<ErasedSession | null> {
  const session = await lockSession(trx, sessionId);
  if (!session) return null;
  const attempts = await trx
    .selectFrom('attempts')
    .select(['image_id', 'image_bytes'])
    .where('session_id', '=', sessionId)
    .execute();
  const imageIds = [...new Set(attempts.flatMap((row) => (row.image_id === null ? [] : [row.image_id])))];
  const bytes = attempts.reduce((sum, row) => sum + Number(row.image_bytes ?? 0), 0);
  // explicit, not only by the foreign keys' cascade: nothing of the session may outlive it
  await trx.deleteFrom('attempts').where('session_id', '=', sessionId).execute();
  await trx.deleteFrom('session_notes').where('session_id', '=', sessionId).execute();
  await trx.deleteFrom('session_events').where('session_id', '=', sessionId).execute();
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
  const accountId = Number(session.account_id);
  if (bytes > 0) {
    await trx
      .updateTable('accounts')
      .set((eb) => ({
        stored_image_bytes: eb
          .case()
          .when('stored_image_bytes', '>=', bytes)
          .then(eb('stored_image_bytes', '-', bytes))
          .else(0)
          .end(),
      }))
      .where('id', '=', accountId)
      .execute();
  }
  await trx
    .insertInto('session_erasures')
    .values({
      session_key: session.session_key,
      account_id: accountId,
      reason,
      erased_at: at,
      attempts: attempts.length,
      images: imageIds.length,
    })
    .execute();
  return { sessionKey: session.session_key, accountId, attempts: attempts.length, imageIds, bytes };
}

/** Erasures on Kysely (SQLite or PostgreSQL): each in one transaction holding the session's lock. */
export function createErasureStore(db: Kysely<Database>): ErasureStore {
  return {
    erase: (sessionId, reason, at) => db.transaction().execute((trx) => eraseLocked(trx, sessionId, reason, at)),
    async listDue(finishedBefore, limit) {
      const rows = await db
        .selectFrom('sessions')
        .select('id')
        .where('status', 'in', [...terminalStatuses])
        .where('updated_at', '<', finishedBefore)
        .orderBy('updated_at', 'asc')
        .limit(limit)
        .execute();
      return rows.map((row) => Number(row.id));
    },
    async list(accountId) {
      const rows = await db
        .selectFrom('session_erasures')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('id', 'asc')
        .execute();
      return rows.map((row) => ({
        sessionKey: row.session_key,
        reason: row.reason === 'retention' ? 'retention' : 'request',
        erasedAt: Number(row.erased_at),
        attempts: Number(row.attempts),
        images: Number(row.images),
      }));
    },
  };
}
