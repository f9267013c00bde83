import {
  acceptingStatuses,
  capturedStatus,
  givenVinEntry,
  stageChangePayload,
  transitionStatus,
  type SessionEvent,
  type SessionKey,
  type SessionStatus,
  type TransitionError,
  type Result,
  type SessionEventPayload,
} from '@pave/domain';
import { toSessionResults } from '../sessions/session-results.js';
import { expireIfDue } from '../sessions/expire-on-access.js';
import { toSessionPhoto } from '../sessions/session-wire.js';
import type { AttemptRow, Repository, SessionRow } from '../storage/repository.js';
import { progressOf } from './capture-state.js';
import type { SecretBox } from '../secrets/secret-box.js';

/** What the lifecycle needs. */
export type LifecycleDeps = {
  readonly repo: Repository;
  readonly now: () => Date;
  readonly publicBaseUrl: string;
  /** Opens sealed capture tokens: the results document of a completed session carries its `capture_url`. */
  readonly secretBox: SecretBox;
};

/** A session with its attempts in capture order, read together. */
export type SessionWithAttempts = { readonly session: SessionRow; readonly attempts: readonly AttemptRow[] };

// Status changes are compare-and-set: applied only while the session is still in the status they were decided
// from. A lost race is retried once from a fresh read; a second loss leaves the status to the next access.
const casTries = 2;

/** Session statuses as capture moves them: expiry on access, start, captured/complete, confirm. */
export function createSessionLifecycle(deps: LifecycleDeps) {
  const { repo } = deps;

  /** `SESSION:COMPLETE` with its results document, for a session about to become `COMPLETE` at `at`. */
  const completeEvent = async (
    row: SessionRow,
    attempts: readonly AttemptRow[],
    at: number,
  ): Promise<SessionEventPayload> => {
    const account = await repo.accounts.findById(row.accountId);
    const session = { ...row, status: 'COMPLETE' as const, updatedAt: at };
    const username = account?.username ?? '';
    const payload = toSessionResults({
      session,
      attempts,
      username,
      completedAt: at,
      publicBaseUrl: deps.publicBaseUrl,
      secretBox: deps.secretBox,
    });
    return { event: 'SESSION:COMPLETE', payload };
  };

  /**
   * Moves `row` to `to` if it is still in its status (and, with `photos`, at its photos version: the attempts read
   * with it, which also make the results document when the move completes the session).
   */
  const compareAndSet = async (
    row: SessionRow,
    to: SessionStatus,
    photos?: readonly AttemptRow[],
  ): Promise<SessionRow | null> => {
    const at = deps.now().getTime();
    // an overdue session moves only to EXPIRED: a confirm or start racing its expiry loses
    const change = { sessionId: row.id, from: row.status, to, at, ...(to === 'EXPIRED' ? {} : { notExpiredAt: at }) };
    const events = to === 'COMPLETE' && photos ? [await completeEvent(row, photos, at)] : [];
    const won = await repo.sessions.updateStatus(
      photos ? { ...change, photosVersion: row.photosVersion, events } : change,
    );
    return won ? { ...row, status: to, updatedAt: at } : null;
  };

  /** A session row just read, made `EXPIRED` on the spot when overdue (null if it went away meanwhile). */
  const current = (row: SessionRow): Promise<SessionRow | null> => expireIfDue(repo.sessions, row, deps.now(), 'any');

  /** The session of a capture link (any account's), made `EXPIRED` on the spot when overdue; null when unknown. */
  const find = async (sessionKey: SessionKey): Promise<SessionRow | null> => {
    const row = await repo.sessions.findByKey(sessionKey, 'any');
    return row ? current(row) : null;
  };

  /**
   * A VIN given at creation lets the driver skip the VIN step (as PAVE documents): when the capture starts, it is
   * recorded as a typed VIN. Only the request whose compare-and-set started the session does it, so it happens once.
   */
  const recordGivenVin = async (started: SessionRow): Promise<void> => {
    const attempts = await repo.attempts.listForSession(started.id);
    const vin = givenVinEntry(
      started.settings,
      attempts.map((attempt) => attempt.photoCode),
    );
    if (vin === null) return;
    const at = started.updatedAt;
    const entry = { sessionId: started.id, photoCode: 1, createdAt: at, verdictAt: at } as const;
    const events = (row: AttemptRow): SessionEventPayload[] => [
      {
        event: 'SESSION:STAGE_CHANGE',
        payload: stageChangePayload(started.sessionKey, toSessionPhoto(row, deps.publicBaseUrl)),
      },
    ];
    await repo.attempts.append(
      { ...entry, kind: 'manual', manualValue: vin },
      { whileStatusIn: acceptingStatuses, notExpiredAt: at, events },
    );
  };

  /** Applies an event (`open`, `confirm`); refused as the domain's `transitionStatus` says. Null: the session is gone. */
  const apply = async (row: SessionRow, event: SessionEvent): Promise<Result<SessionRow, TransitionError> | null> => {
    let current: SessionRow | null = row;
    for (let tries = 0; current && tries < casTries; tries += 1) {
      const next = transitionStatus(current.status, event);
      if (!next.ok || next.value === current.status) return next.ok ? { ok: true, value: current } : next;
      const moved = await compareAndSet(current, next.value);
      if (moved && event === 'open' && current.status === 'IDLE') await recordGivenVin(moved);
      if (moved) return { ok: true, value: moved };
      current = await find(current.sessionKey);
    }
    if (!current) return null;
    return { ok: false, error: { code: 'invalid_transition', from: current.status, event } };
  };

  /**
   * Reads the session (expired if overdue) and its attempts, and moves the status where the attempts call for
   * (see {@link capturedStatus}). Null when the session is unknown. Safe to call at any time: it also repairs a
   * status left behind by a crash between an append and its status change.
   */
  const settle = async (sessionKey: SessionKey): Promise<SessionWithAttempts | null> =>
    settleFrom(await find(sessionKey));

  /**
   * {@link settle} from a row the caller holds (the session an append was just made to) instead of reading it again,
   * and from its attempts when the caller holds them too (as the append left them): a status changed since then only
   * makes the compare-and-set fail, and the session and its attempts are then read afresh.
   */
  const settleFrom = async (
    row: SessionRow | null,
    known?: readonly AttemptRow[],
  ): Promise<SessionWithAttempts | null> => {
    let session = row;
    for (let tries = 0; session && tries < casTries; tries += 1) {
      const attempts = tries === 0 && known ? known : await repo.attempts.listForSession(session.id);
      const capture = { attempted: attempts.length > 0, complete: progressOf(attempts, deps.publicBaseUrl).complete };
      const target = capturedStatus(session.status, capture);
      if (target === session.status) return { session, attempts };
      const moved = await compareAndSet(session, target);
      if (moved) return { session: moved, attempts };
      session = await find(session.sessionKey);
    }
    return session ? { session, attempts: await repo.attempts.listForSession(session.id) } : null;
  };

  /**
   * The driver confirms: allowed by the status the session's attempts call for, and applied only while the session
   * is at the photos version those attempts were read at. A retake appended meanwhile (which may make the capture
   * incomplete again) makes the change fail; the decision is then taken again on the new attempts. Null when the
   * session is unknown.
   */
  const confirm = async (sessionKey: SessionKey): Promise<Result<SessionRow, TransitionError> | null> => {
    let settled = await settle(sessionKey);
    for (let tries = 0; settled && tries < casTries; tries += 1) {
      const { session, attempts } = settled;
      const next = transitionStatus(session.status, 'confirm');
      if (!next.ok || next.value === session.status) return next.ok ? { ok: true, value: session } : next;
      const moved = await compareAndSet(session, next.value, attempts);
      if (moved) return { ok: true, value: moved };
      settled = await settle(sessionKey);
    }
    if (!settled) return null;
    return { ok: false, error: { code: 'invalid_transition', from: settled.session.status, event: 'confirm' } };
  };

  return { current, find, apply, settle, settleFrom, confirm };
}

/** Session statuses as capture moves them. */
export type SessionLifecycle = ReturnType<typeof createSessionLifecycle>;
