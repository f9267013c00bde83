import { randomBytes } from 'node:crypto';
import { CallbackEvent, eventPayloadSchemas, SessionKey, toStoredEvent, type SessionEventPayload } from '@pave/domain';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, SessionEventsTable } from './database.js';
import type { EventStore, RecordedEvents, SessionEventRow } from './repository.js';

/** Tells this instance's listeners about events once their transaction committed. */
export type EventBus = {
  emit(recorded: RecordedEvents): void;
  subscribe(listener: (recorded: RecordedEvents) => void): () => void;
};

/** Nothing recorded yet: what a change that records events in several steps starts from. */
export const noEvents: RecordedEvents = { events: [], deliveries: 0 };

/** The events of two steps of one change, in order. */
export function bothRecorded(first: RecordedEvents, second: RecordedEvents): RecordedEvents {
  return { events: [...first.events, ...second.events], deliveries: first.deliveries + second.deliveries };
}

/** A bus whose listeners' failures never reach the writer (a listener is told, not asked). */
export function createEventBus(): EventBus {
  const listeners = new Set<(recorded: RecordedEvents) => void>();
  return {
    emit(recorded) {
      if (recorded.events.length === 0) return;
      for (const listener of listeners) {
        try {
          listener(recorded);
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
 * the account has a callback for it; answers the events and how many deliveries were queued (for the bus, once the
 * transaction committed). The caller must already hold the session's lock (it changed the session's
 * row in this transaction), so concurrent writers of one session take turns and never compute the same `seq`.
 * A payload that fails its schema is a bug: it throws, and the change is rolled back with it. A `SESSION:COMPLETE`
 * payload is stored without its capture link's token (see the domain's `toStoredEvent`): no token is kept in the clear.
 */
export async function recordEvents(
  trx: Transaction<Database>,
  target: EventTarget,
  events: readonly SessionEventPayload[],
  at: number,
): Promise<RecordedEvents> {
  const recorded: SessionEventRow[] = [];
  let deliveries = 0;
  for (const event of events.map(toStoredEvent)) {
    const row = await insertNextEvent(trx, target, event, at);
    deliveries += await enqueueDelivery(trx, row);
    recorded.push(toSessionEventRow(row));
  }
  return { events: recorded, deliveries };
}

/**
 * One event as the session's next `seq`, in one statement: the insert reads the session's last `seq` itself (a
 * statement run after the session's lock was taken, so it sees every event committed before).
 */
async function insertNextEvent(
  trx: Transaction<Database>,
  target: EventTarget,
  { event, payload }: SessionEventPayload,
  at: number,
): Promise<Selectable<SessionEventsTable>> {
  const stored = JSON.stringify(eventPayloadSchemas[event].parse(payload));
  return trx
    .insertInto('session_events')
    .columns(['event_id', 'account_id', 'session_id', 'session_key', 'seq', 'event', 'payload', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('session_events')
        .select((select) => [
          select.val(newEventId()).as('event_id'),
          select.val(target.accountId).as('account_id'),
          select.val(target.sessionId).as('session_id'),
          select.val(target.sessionKey).as('session_key'),
          sql<number>`coalesce(max(${select.ref('seq')}), 0) + 1`.as('seq'),
          select.val(event).as('event'),
          select.val(stored).as('payload'),
          select.val(at).as('created_at'),
        ])
        .where('session_id', '=', target.sessionId),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A pending delivery of the event, due at once, when its account has a callback for it: one statement either way.
 * Answers how many it queued (0 or 1).
 */
async function enqueueDelivery(trx: Transaction<Database>, row: Selectable<SessionEventsTable>): Promise<number> {
  const result = await trx
    .insertInto('deliveries')
    .columns([
      'account_id',
      'session_event_id',
      'event',
      'session_key',
      'state',
      'failed_tries',
      'next_attempt_at',
      'lease_until',
      'created_at',
      'updated_at',
      'delivered_at',
    ])
    .expression((eb) =>
      eb
        .selectFrom('callbacks')
        .select((select) => [
          select.val(row.account_id).as('account_id'),
          select.val(row.id).as('session_event_id'),
          select.val(row.event).as('event'),
          select.val(row.session_key).as('session_key'),
          select.val('pending').as('state'),
          select.val(0).as('failed_tries'),
          select.val(row.created_at).as('next_attempt_at'),
          select.val(null).as('lease_until'),
          select.val(row.created_at).as('created_at'),
          select.val(row.created_at).as('updated_at'),
          select.val(null).as('delivered_at'),
        ])
        .where('account_id', '=', row.account_id)
        .where('event', '=', row.event),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
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
