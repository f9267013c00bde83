import {
  acceptingStatuses,
  isDeletableStatus,
  stageChangePayload,
  type Result,
  type SessionEventPayload,
  type SessionPhoto,
} from '@pave/domain';
import { toSessionPhoto } from '../sessions/session-wire.js';
import { sessionNotFound, type SessionNotFound } from '../sessions/session-not-found.js';
import type { AttemptRow, NewAttempt, SessionRow } from '../storage/repository.js';
import type { CaptureContext } from './capture-context.js';
import { sessionClosed, type SessionClosed } from './capture-error.js';

/** Why an attempt was not stored: the session went away, or closed, after it was found. */
export type AppendRefused = SessionNotFound | SessionClosed;

/**
 * Appends an attempt: a session that could still be deleted (`IDLE`) is started first, so it can no longer be
 * deleted under the attempt; the append is refused under the session's lock once the session closed.
 */
export async function appendAttempt(
  context: CaptureContext,
  session: SessionRow,
  attempt: NewAttempt,
): Promise<Result<AttemptRow, AppendRefused>> {
  if (isDeletableStatus(session.status)) await context.lifecycle.apply(session, 'open');
  const stageChange = (row: AttemptRow): SessionEventPayload[] => [
    {
      event: 'SESSION:STAGE_CHANGE',
      payload: stageChangePayload(session.sessionKey, toSessionPhoto(row, context.publicBaseUrl)),
    },
  ];
  const appended = await context.repo.attempts.append(attempt, {
    whileStatusIn: acceptingStatuses,
    notExpiredAt: context.now().getTime(),
    events: stageChange,
  });
  if (appended.ok) return appended;
  return appended.error.code === 'session_closed'
    ? sessionClosed(session.sessionKey, appended.error.status)
    : sessionNotFound(session.sessionKey);
}

/** Moves the status along (PROCESS, QC_PASSED, …) once an attempt is stored, and answers the attempt. */
export async function answerRecorded(
  context: CaptureContext,
  session: SessionRow,
  row: AttemptRow,
): Promise<{ ok: true; value: SessionPhoto }> {
  await context.lifecycle.settle(session.sessionKey);
  return { ok: true, value: toSessionPhoto(row, context.publicBaseUrl) };
}

/** Appends an attempt that has no files (a typed-in value, a skip) and answers it. */
export async function recordAttempt(
  context: CaptureContext,
  session: SessionRow,
  attempt: NewAttempt,
): Promise<Result<SessionPhoto, AppendRefused>> {
  const appended = await appendAttempt(context, session, attempt);
  return appended.ok ? answerRecorded(context, session, appended.value) : appended;
}
