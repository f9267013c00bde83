import type { CaptureState, Result, SessionKey } from '@pave/domain';
import { sessionNotFound, type SessionNotFound } from '../sessions/session-not-found.js';
import { readCaptureState, type CaptureContext } from './capture-context.js';
import { sessionClosed, type ConfirmRefused, type SessionClosed } from './capture-error.js';

/** The driver opens the capture link: an `IDLE` session starts (and can no longer be deleted); a closed one refuses. */
export async function startCapture(
  context: CaptureContext,
  sessionKey: SessionKey,
): Promise<Result<CaptureState, SessionNotFound | SessionClosed>> {
  const session = await context.lifecycle.find(sessionKey);
  if (!session) return sessionNotFound(sessionKey);
  const started = await context.lifecycle.apply(session, 'open');
  if (!started) return sessionNotFound(sessionKey);
  if (!started.ok) return sessionClosed(sessionKey, session.status);
  return readCaptureState(context, sessionKey);
}

/** The driver confirms a complete capture (`QC_PASSED` → `CONFIRM`); refused while capturing, or once closed. */
export async function confirmCapture(
  context: CaptureContext,
  sessionKey: SessionKey,
): Promise<Result<CaptureState, SessionNotFound | ConfirmRefused>> {
  const confirmed = await context.lifecycle.confirm(sessionKey);
  if (!confirmed) return sessionNotFound(sessionKey);
  if (!confirmed.ok) {
    return { ok: false, error: { code: 'confirm_refused', sessionKey, status: confirmed.error.from } };
  }
  return readCaptureState(context, sessionKey);
}
