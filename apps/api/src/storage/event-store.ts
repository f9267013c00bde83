import { randomBytes } from 'node:crypto';
import { CallbackEvent, eventPayloadSchemas, SessionKey, toStoredEvent, type SessionEventPayload } from '@pave/domain';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, SessionEventsTable } from './database.js';
import type { EventStore, SessionEventRow } from './repository.js';

/** Tells this instance's listeners about events once their transaction committed. */
export type EventBus = {
  emit(events: readonly SessionEventRow[]): void;
  subscribe(listener: (events: readonly SessionEventRow[]) => void): () => void;
};

/** A bus whose listeners' failures never reach the writer (a listener is told, not asked). */
export function createEventBus(): EventBus {
  const listeners = new Set<(events: readonly SessionEventRow[]) => void>();
  return {
    emit(events) {
      if (events.length === 0) return;
      for (const listener of listeners) {
        try {
          listener(events);
        } catch {
          // a listener's bug must not turn a committed change into a failed request
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** An event's public id: `msg_` and 24 random hex digits (the `webhook-id` of its deliveries). */
export function newEventId(): string {
  return `msg_${randomBytes(12).toString('hex')}`;
}

/** A `session_events` row in domain terms; the payload is parsed with its event's schema. */
export function toSessionEventRow(row: Selectable<SessionEventsTable>): SessionEventRow {
  const event = CallbackEvent.parse(row.event);
  const payload: unknown = eventPayloadSchemas[event].parse(JSON.parse(row.payload));
  return {
    id: Number(row.id),
    eventId: row.event_id,
    accountId: Number(row.account_id),
    sessionId: Number(row.session_id),
    sessionKey: SessionKey.parse(row.session_key),
    seq: Number(row.seq),
    createdAt: Number(row.created_at),
    ...({ event, payload } as SessionEventPayload),
  };
}

/** The session an event belongs to. */
export type EventTarget = { readonly accountId: number; readonly sessionId: number; readonly sessionKey: string };

/**
 * Records events of one session in the caller's transaction, as its next `seq`s, each with a pending delivery when
 * the account has a callback for it. The caller must already hold the session's lock (it changed the session's
 * row in this transaction), so concurrent writers of one session take turns and never compute the same `seq`.
 * A payload that fails its schema is a bug: it throws, and the change is rolled back with it. A `SESSION:COMPLETE`
 * payload is stored without its capture link's token (see the domain's `toStoredEvent`): no token is kept in the clear.
 */
export async function recordEvents(
  trx: Transaction<Database>,
  target: EventTarget,
  events: readonly SessionEventPayload[],
  at: number,
): Promise<SessionEventRow[]> {
  if (events.length === 0) return [];
  const last = await trx
    .selectFrom('session_events')
    .select((eb) => eb.fn.max('seq').as('max_seq'))
    .where('session_id', '=', target.sessionId)
    .executeTakeFirst();
  const firstSeq = Number(last?.max_seq ?? 0) + 1;
  const rows = await trx
    .insertInto('session_events')
    .values(
      events.map(toStoredEvent).map((recorded, index) => ({
        event_id: newEventId(),
        account_id: target.accountId,
        session_id: target.sessionId,
        session_key: target.sessionKey,
        seq: firstSeq + index,
        event: recorded.event,
        payload: JSON.stringify(eventPayloadSchemas[recorded.event].parse(recorded.payload)),
        created_at: at,
      })),
    )
    .returningAll()
    .execute();
  await enqueueDeliveries(trx, rows);
  return rows.map(toSessionEventRow);
}

/** One pending delivery per event whose account has a callback for the event, due at once. */
async function enqueueDeliveries(trx: Transaction<Database>, rows: readonly Selectable<SessionEventsTable>[]) {
  const first = rows[0];
  if (!first) return;
  const subscribed = await trx
    .selectFrom('callbacks')
    .select('event')
    .where('account_id', '=', first.account_id)
    .where(
      'event',
      'in',
      rows.map((row) => row.event),
    )
    .execute();
  const events = new Set(subscribed.map((row) => row.event));
  const due = rows.filter((row) => events.has(row.event));
  if (due.length === 0) return;
  await trx
    .insertInto('deliveries')
    .values(
      due.map((row) => ({
        account_id: row.account_id,
        session_event_id: row.id,
        event: row.event,
        session_key: row.session_key,
        state: 'pending',
        failed_tries: 0,
        next_attempt_at: row.created_at,
        lease_until: null,
        created_at: row.created_at,
        updated_at: row.created_at,
        delivered_at: null,
      })),
    )
    .execute();
}

/** Session events on Kysely (SQLite or PostgreSQL). */
export function createEventStore(db: Kysely<Database>, bus: EventBus): EventStore {
  return {
    async listForSession(sessionId, afterSeq = 0, limit = 1000) {
      const rows = await db
        .selectFrom('session_events')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('seq', '>', afterSeq)
        .orderBy('seq', 'asc')
        .limit(limit)
        .execute();
      return rows.map(toSessionEventRow);
    },
    async listForAccount(accountId, afterId = 0, limit = 1000) {
      const rows = await db
        .selectFrom('session_events')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', '>', afterId)
        .orderBy('id', 'asc')
        .limit(limit)
        .execute();
      return rows.map(toSessionEventRow);
    },
    async lastIdOfAccount(accountId) {
      const row = await db
        .selectFrom('session_events')
        .select((eb) => eb.fn.max('id').as('last_id'))
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return Number(row?.last_id ?? 0);
    },
    onRecorded: (listener) => bus.subscribe(listener),
  };
}
