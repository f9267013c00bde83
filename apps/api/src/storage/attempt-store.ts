import {
  checkAttemptLimits,
  expirableStatuses,
  qaReasons,
  SessionStatus,
  type AttemptLimits,
  type Result,
} from '@pave/domain';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AttemptsTable, Database } from './database.js';
import { recordEvents, type EventBus, type EventTarget } from './event-store.js';
import type {
  AppendError,
  AppendOptions,
  AttemptRow,
  AttemptStore,
  AttemptVerdict,
  NewAttempt,
  RecordedEvents,
} from './repository.js';
import { toAttemptRow } from './row-mappers.js';

type VerdictColumns = Pick<Insertable<AttemptsTable>, 'approved' | 'reason' | 'reason_code'>;

function verdictColumns(verdict: AttemptVerdict): VerdictColumns {
  if (verdict.approved) return { approved: 1, reason: null, reason_code: null };
  if (typeof verdict.reason === 'string') {
    return { approved: 0, reason: qaReasons[verdict.reason], reason_code: verdict.reason };
  }
  return { approved: 0, reason: verdict.reason.text, reason_code: null };
}

function attemptValues(attempt: NewAttempt, seq: number): Insertable<AttemptsTable> {
  const base = {
    session_id: attempt.sessionId,
    seq,
    photo_code: attempt.photoCode,
    kind: attempt.kind,
    created_at: attempt.createdAt,
    updated_at: attempt.verdictAt,
    verdict_at: attempt.verdictAt,
  };
  const none = { image_id: null, manual_value: null, qa_measures: null, processing_ms: null, image_bytes: null };
  switch (attempt.kind) {
    case 'photo':
      return {
        ...base,
        ...none,
        ...verdictColumns(attempt.verdict),
        image_id: attempt.imageId,
        image_bytes: attempt.imageBytes,
        qa_measures: attempt.qaMeasures === null ? null : JSON.stringify(attempt.qaMeasures),
        processing_ms: attempt.processingMs === null ? null : Math.round(attempt.processingMs),
      };
    case 'manual':
      return { ...base, ...none, ...verdictColumns({ approved: true }), manual_value: attempt.manualValue };
    case 'skip':
      return { ...base, ...none, ...verdictColumns({ approved: false, reason: 'skipped' }) };
  }
}

/** How many ids one `image_id in (…)` query carries (well under SQLite's and PostgreSQL's parameter limits). */
export const imageIdBatchSize = 500;

/**
 * What the append needs of the session's attempts (read under the session's lock): how many there are (in all and of
 * the step, for the caps), the last `seq` and latest `created_at` (the new row goes after them), and the `seq` of the
 * step's previous attempt (which the new one supersedes).
 */
type Tail = {
  count: number;
  stepCount: number;
  maxSeq: number;
  latestCreatedAt: number | null;
  stepLastSeq: number | null;
};

function tailOf(attempts: readonly AttemptRow[], photoCode: number): Tail {
  const tail: Tail = { count: attempts.length, stepCount: 0, maxSeq: 0, latestCreatedAt: null, stepLastSeq: null };
  for (const row of attempts) {
    tail.maxSeq = Math.max(tail.maxSeq, row.seq);
    tail.latestCreatedAt = Math.max(tail.latestCreatedAt ?? row.createdAt, row.createdAt);
    if (row.photoCode !== photoCode) continue;
    tail.stepCount += 1;
    tail.stepLastSeq = Math.max(tail.stepLastSeq ?? row.seq, row.seq);
  }
  return tail;
}

/** A session's attempts in capture order: created_at (never decreasing with seq, see append), then seq. */
async function readAttempts(db: Kysely<Database>, sessionId: number): Promise<AttemptRow[]> {
  const rows = await db
    .selectFrom('attempts')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at', 'asc')
    .orderBy('seq', 'asc')
    .execute();
  return rows.map(toAttemptRow);
}

/** Raises `createdAt` to the session's latest, and `verdictAt` to `createdAt` (see `AttemptStore.append`). */
function clampTimes(attempt: NewAttempt, tail: Tail): NewAttempt {
  const createdAt = Math.max(attempt.createdAt, tail.latestCreatedAt ?? attempt.createdAt);
  return { ...attempt, createdAt, verdictAt: Math.max(attempt.verdictAt, createdAt) };
}

/** The step's previous attempt (if any) is superseded by the new one: its `updated_at` moves to the new `created_at`. */
async function supersedePrevious(trx: Transaction<Database>, attempt: NewAttempt, tail: Tail): Promise<void> {
  if (tail.stepLastSeq === null) return;
  await trx
    .updateTable('attempts')
    .set({ updated_at: attempt.createdAt })
    .where('session_id', '=', attempt.sessionId)
    .where('seq', '=', tail.stepLastSeq)
    .execute();
}

const expirable: ReadonlySet<SessionStatus> = new Set(expirableStatuses);

/** A typed VIN or odometer reading is what capture learned about the vehicle: kept on the session with the attempt. */
function learnedColumns(attempt: NewAttempt): { learned_vin?: string; learned_odometer?: number } {
  if (attempt.kind !== 'manual') return {};
  if (attempt.photoCode === 1) return { learned_vin: attempt.manualValue };
  if (attempt.photoCode === 3) return { learned_odometer: Number(attempt.manualValue) };
  return {};
}

/**
 * Touching the session first takes its row lock (PostgreSQL) or the write lock (SQLite), so appends to one
 * session run one after another: none computes the same seq or misses the other's created_at.
 */
async function lockSession(
  trx: Transaction<Database>,
  attempt: NewAttempt,
  options: AppendOptions,
): Promise<{ refused: AppendError } | { target: EventTarget }> {
  let touch = trx
    .updateTable('sessions')
    .set((eb) => ({
      updated_at: attempt.createdAt,
      photos_version: eb('photos_version', '+', 1),
      ...learnedColumns(attempt),
    }))
    .where('id', '=', attempt.sessionId);
  if (options.whileStatusIn) touch = touch.where('status', 'in', [...options.whileStatusIn]);
  if (options.notExpiredAt !== undefined) touch = touch.where('expires_at', '>', options.notExpiredAt);
  const touched = await touch.returning(['account_id', 'session_key']).executeTakeFirst();
  if (touched) {
    return {
      target: { accountId: Number(touched.account_id), sessionId: attempt.sessionId, sessionKey: touched.session_key },
    };
  }
  const session = await trx
    .selectFrom('sessions')
    .select(['status', 'expires_at'])
    .where('id', '=', attempt.sessionId)
    .executeTakeFirst();
  if (!session) return { refused: { code: 'session_not_found' } };
  const status = SessionStatus.parse(session.status);
  // an overdue session refuses as EXPIRED; its status moves on its next read or sweep (which records the event)
  const overdue = options.notExpiredAt !== undefined && Number(session.expires_at) <= options.notExpiredAt;
  return { refused: { code: 'session_closed', status: overdue && expirable.has(status) ? 'EXPIRED' : status } };
}

type Appended = Result<{ row: AttemptRow; attempts: AttemptRow[]; recorded: RecordedEvents }, AppendError>;

/** A refusal found after the session's row was touched: thrown, so the transaction rolls back, and answered. */
class AppendRefusal extends Error {
  readonly refusal: AppendError;
  constructor(refusal: AppendError) {
    super(`append refused: ${refusal.code}`);
    this.refusal = refusal;
  }
}

/** Refuses (by throwing) an attempt over the caps of `limits`, from the session's attempts counted under its lock. */
function checkLimits(tail: Tail, attempt: NewAttempt, limits: AttemptLimits): void {
  const checked = checkAttemptLimits({ step: tail.stepCount, session: tail.count }, attempt.photoCode, limits);
  if (!checked.ok) {
    const { scope, limit } = checked.error;
    throw new AppendRefusal({ code: 'attempts_exhausted', scope, limit });
  }
}

/**
 * Adds a photo's bytes to its account's sum in one conditional update (atomic on either dialect: the row's lock on
 * PostgreSQL, the write lock on SQLite); refuses by throwing when the sum would pass a quota above 0.
 */
async function countImageBytes(trx: Transaction<Database>, accountId: number, bytes: number, quota: number) {
  let update = trx
    .updateTable('accounts')
    .set((eb) => ({ stored_image_bytes: eb('stored_image_bytes', '+', bytes) }))
    .where('id', '=', accountId);
  if (quota > 0) update = update.where((eb) => eb(eb('stored_image_bytes', '+', bytes), '<=', quota));
  const result = await update.executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppendRefusal({ code: 'storage_quota_exceeded', quotaBytes: quota });
}

async function appendLocked(trx: Transaction<Database>, given: NewAttempt, options: AppendOptions): Promise<Appended> {
  const locked = await lockSession(trx, given, options);
  if ('refused' in locked) return { ok: false, error: locked.refused };
  const before = await readAttempts(trx, given.sessionId);
  const tail = tailOf(before, given.photoCode);
  if (options.limits) checkLimits(tail, given, options.limits);
  if (given.kind === 'photo') {
    await countImageBytes(trx, locked.target.accountId, given.imageBytes, options.quotaBytes ?? 0);
  }
  const attempt = clampTimes(given, tail);
  if (attempt.createdAt !== given.createdAt) {
    await trx
      .updateTable('sessions')
      .set({ updated_at: attempt.createdAt })
      .where('id', '=', given.sessionId)
      .execute();
  }
  await supersedePrevious(trx, attempt, tail);
  const row = await trx
    .insertInto('attempts')
    .values(attemptValues(attempt, tail.maxSeq + 1))
    .returningAll()
    .executeTakeFirstOrThrow();
  const stored = toAttemptRow(row);
  const recorded = await recordEvents(trx, locked.target, options.events?.(stored) ?? [], attempt.createdAt);
  // the session's attempts as this transaction leaves them, without reading them again
  const superseded = (prior: AttemptRow) =>
    prior.seq === tail.stepLastSeq ? { ...prior, updatedAt: attempt.createdAt } : prior;
  return { ok: true, value: { row: stored, attempts: [...before.map(superseded), stored], recorded } };
}

/** Capture attempts on Kysely (SQLite or PostgreSQL). */
export function createAttemptStore(db: Kysely<Database>, bus: EventBus): AttemptStore {
  const appendReading: AttemptStore['appendReading'] = async (attempt, options = {}) => {
    const appended = await db
      .transaction()
      .execute((trx) => appendLocked(trx, attempt, options))
      .catch((error: unknown) => {
        if (error instanceof AppendRefusal) return { ok: false, error: error.refusal } as const;
        throw error;
      });
    if (!appended.ok) return appended;
    bus.emit(appended.value.recorded);
    return { ok: true, value: { attempt: appended.value.row, attempts: appended.value.attempts } };
  };
  return {
    listForSession: (sessionId) => readAttempts(db, sessionId),
    appendReading,
    async append(attempt, options) {
      const appended = await appendReading(attempt, options);
      return appended.ok ? { ok: true, value: appended.value.attempt } : appended;
    },
    async findReferencedImageIds(imageIds) {
      const referenced = new Set<string>();
      for (let start = 0; start < imageIds.length; start += imageIdBatchSize) {
        const batch = imageIds.slice(start, start + imageIdBatchSize);
        const rows = await db
          .selectFrom('attempts')
          .select('image_id')
          .distinct()
          .where('image_id', 'in', batch)
          .execute();
        for (const row of rows) if (row.image_id !== null) referenced.add(row.image_id);
      }
      return referenced;
    },
  };
}
