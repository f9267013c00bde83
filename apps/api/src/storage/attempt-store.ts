import { qaReasons } from '@pave/domain';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AttemptsTable, Database } from './database.js';
import type { AttemptStore, AttemptVerdict, NewAttempt } from './repository.js';
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
  const none = { image_id: null, manual_value: null, qa_measures: null, processing_ms: null };
  switch (attempt.kind) {
    case 'photo':
      return {
        ...base,
        ...none,
        ...verdictColumns(attempt.verdict),
        image_id: attempt.imageId,
        qa_measures: attempt.qaMeasures === null ? null : JSON.stringify(attempt.qaMeasures),
        processing_ms: attempt.processingMs === null ? null : Math.round(attempt.processingMs),
      };
    case 'manual':
      return { ...base, ...none, ...verdictColumns({ approved: true }), manual_value: attempt.manualValue };
    case 'skip':
      return { ...base, ...none, ...verdictColumns({ approved: false, reason: 'skipped' }) };
  }
}

async function nextSeq(trx: Transaction<Database>, sessionId: number): Promise<number> {
  const row = await trx
    .selectFrom('attempts')
    .select((eb) => eb.fn.max('seq').as('max_seq'))
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return Number(row?.max_seq ?? 0) + 1;
}

async function supersedePrevious(trx: Transaction<Database>, attempt: NewAttempt): Promise<void> {
  const previous = await trx
    .selectFrom('attempts')
    .select('id')
    .where('session_id', '=', attempt.sessionId)
    .where('photo_code', '=', attempt.photoCode)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!previous) return;
  await trx.updateTable('attempts').set({ updated_at: attempt.createdAt }).where('id', '=', previous.id).execute();
}

/** Capture attempts on Kysely (SQLite or PostgreSQL). */
export function createAttemptStore(db: Kysely<Database>): AttemptStore {
  return {
    async listForSession(sessionId) {
      const rows = await db
        .selectFrom('attempts')
        .selectAll()
        .where('session_id', '=', sessionId)
        // capture order: created_at, then seq for attempts within the same millisecond (or across skewed clocks)
        .orderBy('created_at', 'asc')
        .orderBy('seq', 'asc')
        .execute();
      return rows.map(toAttemptRow);
    },
    append(attempt) {
      return db.transaction().execute(async (trx) => {
        // Touching the session first takes its row lock (PostgreSQL) or the write lock (SQLite), so two
        // appends to one session never compute the same seq.
        const touched = await trx
          .updateTable('sessions')
          .set({ updated_at: attempt.createdAt })
          .where('id', '=', attempt.sessionId)
          .executeTakeFirst();
        if (touched.numUpdatedRows === 0n) return { ok: false, error: { code: 'session_not_found' } } as const;
        const seq = await nextSeq(trx, attempt.sessionId);
        await supersedePrevious(trx, attempt);
        const row = await trx
          .insertInto('attempts')
          .values(attemptValues(attempt, seq))
          .returningAll()
          .executeTakeFirstOrThrow();
        return { ok: true, value: toAttemptRow(row) } as const;
      });
    },
  };
}
