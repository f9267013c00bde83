import {
  acceptingStatuses,
  type AttemptsExhausted,
  isDeletableStatus,
  stageChangePayload,
  type Result,
  type SessionEventPayload,
  type PhotoCode,
  type SessionPhoto,
} from '@pave/domain';
import { toSessionPhoto } from '../sessions/session-wire.js';
import { sessionNotFound, type SessionNotFound } from '../sessions/session-not-found.js';
import type { AppendError, AttemptRow, NewAttempt, SessionRow } from '../storage/repository.js';
import type { CaptureContext } from './capture-context.js';
import { sessionClosed, type SessionClosed, type StorageQuotaExceeded } from './capture-error.js';

/** Why an attempt was not stored: the session went away or closed after it was found, or a cap or quota is reached. */
export type AppendRefused = SessionNotFound | SessionClosed | AttemptsExhausted | StorageQuotaExceeded;

function refusalOf(session: SessionRow, photoCode: PhotoCode, error: AppendError): { ok: false; error: AppendRefused } {
  switch (error.code) {
    case 'session_closed':
      return sessionClosed(session.sessionKey, error.status);
    case 'session_not_found':
      return sessionNotFound(session.sessionKey);
    case 'attempts_exhausted':
      return { ok: false, error: { ...error, photoCode } };
    case 'storage_quota_exceeded':
      return { ok: false, error };
  }
}

/** A stored attempt, with its session as the append left it (started, if it was `IDLE`), and its attempts then. */
export type Appended = {
  readonly attempt: AttemptRow;
  readonly session: SessionRow;
  readonly attempts: readonly AttemptRow[];
};

/**
 * Appends an attempt: a session that could still be deleted (`IDLE`) is started first, so it can no longer be
 * deleted under the attempt; the append is refused under the session's lock once the session closed.
 */
export async function appendAttempt(
  context: CaptureContext,
  given: SessionRow,
  attempt: NewAttempt,
): Promise<Result<Appended, AppendRefused>> {
  let session = given;
  if (isDeletableStatus(session.status)) {
    const opened = await context.lifecycle.apply(session, 'open');
    if (opened?.ok) session = opened.value;
  }
  const stageChange = (row: AttemptRow): SessionEventPayload[] => [
    {
      event: 'SESSION:STAGE_CHANGE',
      payload: stageChangePayload(session.sessionKey, toSessionPhoto(row, context.publicBaseUrl)),
    },
  ];
  const appended = await context.repo.attempts.appendReading(attempt, {
    whileStatusIn: acceptingStatuses,
    notExpiredAt: context.now().getTime(),
    events: stageChange,
    limits: context.attemptLimits,
    quotaBytes: context.storageQuotaBytes,
  });
  return appended.ok
    ? { ok: true, value: { ...appended.value, session } }
    : refusalOf(session, attempt.photoCode, appended.error);
}

/** Moves the status along (PROCESS, QC_PASSED, …) once an attempt is stored, and answers the attempt. */
export async function answerRecorded(
  context: CaptureContext,
  { attempt, session, attempts }: Appended,
): Promise<{ ok: true; value: SessionPhoto }> {
  await context.lifecycle.settleFrom(session, attempts);
  return { ok: true, value: toSessionPhoto(attempt, context.publicBaseUrl) };
}

/** Appends an attempt that has no files (a typed-in value, a skip) and answers it. */
export async function recordAttempt(
  context: CaptureContext,
  session: SessionRow,
  attempt: NewAttempt,
): Promise<Result<SessionPhoto, AppendRefused>> {
  const appended = await appendAttempt(context, session, attempt);
  return appended.ok ? answerRecorded(context, appended.value) : appended;
}
