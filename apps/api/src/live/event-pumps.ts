import { isTerminalStatus, streamEndEvent, toEventBody, type SessionKey, type StreamEnd } from '@pave/domain';
import type { RevealCaptureToken } from '../sessions/reveal-capture-token.js';
import type { Repository, SessionEventRow } from '../storage/repository.js';
import type { EventStream } from './event-stream.js';

/** Events read per query; a stream far behind reads several pages in a row. */
const pageSize = 500;

/**
 * Runs `work` once now, and once more after it if asked again meanwhile (any number of asks while it runs count as
 * one): each wake-up reads what was recorded since the last read, so none is lost and reads never overlap.
 */
export function createCoalescedRunner(work: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    try {
      do {
        again = false;
        await work();
      } while (again);
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}

/**
 * One stored event as a stream message: `id:`, `event:` and the event body as `data:`. With `reveal` (a reader who
 * may see capture tokens), `SESSION:COMPLETE` carries its capture link's token; without, the link as stored (none).
 */
async function messageOf(row: SessionEventRow, id: number, reveal?: RevealCaptureToken) {
  return { id: String(id), event: row.event, data: toEventBody(reveal ? await reveal(row) : row) };
}

/** What a session's stream reads. */
export type SessionPumpTarget = {
  readonly repo: Repository;
  readonly accountId: number;
  readonly sessionId: number;
  readonly sessionKey: SessionKey;
  /** The `seq` of the last event the reader has (0: none). */
  readonly afterSeq: number;
  /** Puts capture tokens back (a reader who may see them); absent: bodies as stored, without tokens. */
  readonly reveal?: RevealCaptureToken;
};

/**
 * The reads of one session's stream: every event after the reader's last `seq`, in order (`id:` = seq); once the
 * session is terminal and every event up to that status is sent, `STREAM:END` and the end. The status is read
 * before the events, and a status change is recorded with its event in one transaction, so the end never comes
 * before an event of the session's last change. A session deleted meanwhile ends the stream without `STREAM:END`
 * (a reconnect gets 404).
 */
export function createSessionPump(target: SessionPumpTarget, stream: EventStream): () => Promise<void> {
  let last = target.afterSeq;
  return async () => {
    if (stream.ended) return;
    const session = await target.repo.sessions.findByKey(target.sessionKey, { accountId: target.accountId });
    for (;;) {
      const rows = await target.repo.events.listForSession(target.sessionId, last, pageSize);
      for (const row of rows) {
        if (!stream.send(await messageOf(row, row.seq, target.reveal))) return;
        last = row.seq;
      }
      if (rows.length < pageSize) break;
    }
    if (!session) {
      stream.end('finished');
    } else if (isTerminalStatus(session.status)) {
      const end: StreamEnd = { reason: 'session_terminal', status: session.status };
      stream.send({ id: String(last), event: streamEndEvent, data: end });
      stream.end('finished');
    }
  };
}

/** What an account's stream reads. */
export type AccountPumpTarget = {
  readonly repo: Repository;
  readonly accountId: number;
  /** The `id` of the last event the reader has: nothing at or before it is sent. */
  readonly afterId: number;
  /** Puts capture tokens back (a reader who may see them); absent: bodies as stored, without tokens. */
  readonly reveal?: RevealCaptureToken;
};

/**
 * How far back (in event ids) each read of an account's stream looks again. On PostgreSQL ids are taken when a
 * transaction inserts and become visible when it commits, so two sessions' events may appear out of id order; an
 * event is sent once (ids already sent are remembered over this window).
 */
const reorderWindow = 1000;

/** The reads of an account's stream: every session's events in id order (`id:` = the event's id), never ending. */
export function createAccountPump(target: AccountPumpTarget, stream: EventStream): () => Promise<void> {
  const floor = target.afterId;
  let last = floor;
  const sent = new Set<number>();
  return async () => {
    if (stream.ended) return;
    for (;;) {
      const from = Math.max(floor, last - reorderWindow);
      const rows = (await target.repo.events.listForAccount(target.accountId, from, pageSize + sent.size)).filter(
        (row) => !sent.has(row.id),
      );
      for (const row of rows) {
        if (!stream.send(await messageOf(row, row.id, target.reveal))) return;
        sent.add(row.id);
        last = Math.max(last, row.id);
      }
      for (const id of sent) if (id <= last - reorderWindow) sent.delete(id);
      if (rows.length < pageSize) break;
    }
  };
}
