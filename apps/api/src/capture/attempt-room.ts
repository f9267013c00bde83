import { checkAttemptLimits, type AttemptsExhausted, type PhotoCode, type Result } from '@pave/domain';
import type { SessionRow } from '../storage/repository.js';
import type { CaptureContext } from './capture-context.js';
import type { StorageQuotaExceeded } from './capture-error.js';
import type { UploadSlot } from './complete-upload.js';

/** The refusal of a photo over its account's storage quota. */
export function storageQuotaExceeded(quotaBytes: number): { ok: false; error: StorageQuotaExceeded } {
  return { ok: false, error: { code: 'storage_quota_exceeded', quotaBytes } };
}

/**
 * Whether the session has room for one more photo of `photoCode`, asked before an upload is read so that a session
 * past its caps, or an account past its quota, costs no read and no decoding. The append checks both again under
 * the session's lock (concurrent uploads may pass here together, and the quota's answer may be a second old: see
 * quota-precheck.ts).
 */
export async function checkRoomForPhoto(
  context: CaptureContext,
  session: SessionRow,
  photoCode: PhotoCode,
): Promise<Result<UploadSlot, AttemptsExhausted | StorageQuotaExceeded>> {
  const attempts = await context.repo.attempts.listForSession(session.id);
  const step = attempts.filter((attempt) => attempt.photoCode === photoCode).length;
  const checked = checkAttemptLimits({ step, session: attempts.length }, photoCode, context.attemptLimits);
  if (!checked.ok) return checked;
  if (await context.overQuota(session.accountId)) return storageQuotaExceeded(context.storageQuotaBytes);
  return { ok: true, value: { session, attempts } };
}
