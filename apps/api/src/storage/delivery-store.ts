import { CallbackEvent, DeliveryState, SessionKey } from '@pave/domain';
import type { Kysely, Selectable } from 'kysely';
import type { DeliveriesTable, Database, DeliveryAttemptsTable, StorageDialect } from './database.js';
import { toCallbackRow } from './callback-store.js';
import { toSessionEventRow } from './event-store.js';
import type { ClaimedDelivery, DeliveryAttemptRow, DeliveryRow, DeliveryStore } from './repository.js';
import { toSigningSecretRow } from './signing-secret-store.js';

type Db = Kysely<Database>;
type DeliveryWithEvent = Selectable<DeliveriesTable> & { event_id: string; seq: number };

function toAttemptRow(row: Selectable<DeliveryAttemptsTable>): DeliveryAttemptRow {
  return {
    at: Number(row.attempted_at),
    url: row.url,
    statusCode: row.status_code === null ? null : Number(row.status_code),
    latencyMs: Number(row.latency_ms),
    error: row.error,
  };
}

function toDeliveryRow(row: DeliveryWithEvent, attempts: readonly DeliveryAttemptRow[]): DeliveryRow {
  return {
    id: Number(row.id),
    accountId: Number(row.account_id),
    eventId: row.event_id,
    event: CallbackEvent.parse(row.event),
    sessionKey: SessionKey.parse(row.session_key),
    seq: Number(row.seq),
    state: DeliveryState.parse(row.state),
    failedTries: Number(row.failed_tries),
    nextAttemptAt: row.next_attempt_at === null ? null : Number(row.next_attempt_at),
    createdAt: Number(row.created_at),
    deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
    attempts,
  };
}

function selectDeliveries(db: Db) {
  return db
    .selectFrom('deliveries')
    .innerJoin('session_events', 'session_events.id', 'deliveries.session_event_id')
    .selectAll('deliveries')
    .select(['session_events.event_id', 'session_events.seq']);
}

/** Deliveries with their tries, in the order given. */
async function withAttempts(db: Db, rows: readonly DeliveryWithEvent[]): Promise<DeliveryRow[]> {
  if (rows.length === 0) return [];
  const attempts = await db
    .selectFrom('delivery_attempts')
    .selectAll()
    .where(
      'delivery_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('id', 'asc')
    .execute();
  const byDelivery = new Map<number, DeliveryAttemptRow[]>();
  for (const attempt of attempts) {
    const list = byDelivery.get(Number(attempt.delivery_id)) ?? [];
    list.push(toAttemptRow(attempt));
    byDelivery.set(Number(attempt.delivery_id), list);
  }
  return rows.map((row) => toDeliveryRow(row, byDelivery.get(Number(row.id)) ?? []));
}

/** What a dispatcher needs for claimed deliveries: their events, callbacks and signing secrets. */
async function loadClaimed(db: Db, claimed: readonly Selectable<DeliveriesTable>[]): Promise<ClaimedDelivery[]> {
  if (claimed.length === 0) return [];
  const accountIds = [...new Set(claimed.map((row) => row.account_id))];
  const [events, callbacks, secrets] = await Promise.all([
    db
      .selectFrom('session_events')
      .selectAll()
      .where(
        'id',
        'in',
        claimed.map((row) => row.session_event_id),
      )
      .execute(),
    db.selectFrom('callbacks').selectAll().where('account_id', 'in', accountIds).execute(),
    db.selectFrom('signing_secrets').selectAll().where('account_id', 'in', accountIds).execute(),
  ]);
  const eventById = new Map(events.map((row) => [Number(row.id), toSessionEventRow(row)]));
  const callbackOf = new Map(callbacks.map((row) => [`${row.account_id}/${row.event}`, toCallbackRow(row)]));
  const secretOf = new Map(secrets.map((row) => [Number(row.account_id), toSigningSecretRow(row)]));
  return claimed.flatMap((row) => {
    const event = eventById.get(Number(row.session_event_id));
    if (!event) return [];
    return [
      {
        id: Number(row.id),
        failedTries: Number(row.failed_tries),
        event,
        callback: callbackOf.get(`${row.account_id}/${row.event}`) ?? null,
        signing: secretOf.get(Number(row.account_id)) ?? null,
      },
    ];
  });
}

/** Deliveries on Kysely: claims use `FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite has one writer at a time. */
export function createDeliveryStore(db: Db, dialect: StorageDialect): DeliveryStore {
  const find: DeliveryStore['find'] = async (accountId, id) => {
    const row = await selectDeliveries(db)
      .where('deliveries.account_id', '=', accountId)
      .where('deliveries.id', '=', id)
      .executeTakeFirst();
    const [delivery] = row ? await withAttempts(db, [row]) : [];
    return delivery ?? null;
  };
  return {
    async claimDue({ at, leaseUntil, limit }) {
      let due = db
        .selectFrom('deliveries')
        .select('id')
        .where('state', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
        .orderBy('next_attempt_at', 'asc')
        .limit(limit);
      if (dialect === 'postgres') due = due.forUpdate().skipLocked();
      const claimed = await db
        .updateTable('deliveries')
        .set({ lease_until: leaseUntil })
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return loadClaimed(db, claimed);
    },
    async recordAttempt(deliveryId, attempt, outcome) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('delivery_attempts')
          .values({
            delivery_id: deliveryId,
            attempted_at: attempt.at,
            url: attempt.url,
            status_code: attempt.statusCode,
            latency_ms: Math.round(attempt.latencyMs),
            error: attempt.error,
          })
          .execute();
        await trx
          .updateTable('deliveries')
          .set((eb) => ({
            state: outcome.state,
            failed_tries: outcome.state === 'delivered' ? eb.ref('failed_tries') : eb('failed_tries', '+', 1),
            next_attempt_at: outcome.state === 'pending' ? outcome.nextAttemptAt : null,
            lease_until: null,
            updated_at: attempt.at,
            delivered_at: outcome.state === 'delivered' ? attempt.at : null,
          }))
          .where('id', '=', deliveryId)
          .execute();
      });
    },
    async list({ accountId, event, sessionKey, state, limit, beforeId }) {
      let query = selectDeliveries(db).where('deliveries.account_id', '=', accountId);
      if (event !== undefined) query = query.where('deliveries.event', '=', event);
      if (sessionKey !== undefined) query = query.where('deliveries.session_key', '=', sessionKey);
      if (state !== undefined) query = query.where('deliveries.state', '=', state);
      if (beforeId !== null) query = query.where('deliveries.id', '<', beforeId);
      const rows = await query.orderBy('deliveries.id', 'desc').limit(limit).execute();
      return withAttempts(db, rows);
    },
    find,
    async redeliver(accountId, id, at) {
      const result = await db
        .updateTable('deliveries')
        .set({ state: 'pending', failed_tries: 0, next_attempt_at: at, lease_until: null, updated_at: at })
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? find(accountId, id) : null;
    },
    async backlog() {
      const row = await db
        .selectFrom('deliveries')
        .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('created_at').as('oldest')])
        .where('state', '=', 'pending')
        .executeTakeFirstOrThrow();
      return { pending: Number(row.n), oldestCreatedAt: row.oldest === null ? null : Number(row.oldest) };
    },
    async nextDueAt() {
      const row = await db
        .selectFrom('deliveries')
        .select((eb) => eb.fn.min('next_attempt_at').as('due'))
        .where('state', '=', 'pending')
        .executeTakeFirst();
      return row?.due === null || row?.due === undefined ? null : Number(row.due);
    },
  };
}
