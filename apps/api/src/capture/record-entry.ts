import {
  checkManualEntry,
  checkSkip,
  type ManualEntryError,
  type ManualEntryRequest,
  type PhotoCode,
  type Result,
  type SessionKey,
  type SessionPhoto,
  type SkipError,
} from '@pave/domain';
import { findAccepting, type CaptureContext } from './capture-context.js';
import { progressOf } from './capture-state.js';
import { recordAttempt, type AppendRefused } from './record-attempt.js';

/** A typed-in VIN or odometer reading, checked and normalised by the domain, recorded as an accepted attempt. */
export async function recordManualEntry(
  context: CaptureContext,
  sessionKey: SessionKey,
  request: ManualEntryRequest,
): Promise<Result<SessionPhoto, AppendRefused | ManualEntryError>> {
  const checked = checkManualEntry(request.photo_code, request.value);
  if (!checked.ok) return checked;
  const session = await findAccepting(context, sessionKey);
  if (!session.ok) return session;
  const at = context.now().getTime();
  const base = { sessionId: session.value.id, photoCode: request.photo_code, createdAt: at, verdictAt: at };
  return recordAttempt(context, session.value, { ...base, kind: 'manual', manualValue: checked.value });
}

/** Skips an exterior step, as the domain's `checkSkip` allows over the session's accepted steps. */
export async function recordSkip(
  context: CaptureContext,
  sessionKey: SessionKey,
  photoCode: PhotoCode,
): Promise<Result<SessionPhoto, AppendRefused | SkipError>> {
  const session = await findAccepting(context, sessionKey);
  if (!session.ok) return session;
  const attempts = await context.repo.attempts.listForSession(session.value.id);
  const allowed = checkSkip(photoCode, progressOf(attempts, context.publicBaseUrl).accepted);
  if (!allowed.ok) return allowed;
  const at = context.now().getTime();
  const base = { sessionId: session.value.id, photoCode, createdAt: at, verdictAt: at };
  return recordAttempt(context, session.value, { ...base, kind: 'skip' });
}
