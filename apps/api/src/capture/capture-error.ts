import type { AttemptsExhausted, ManualEntryError, SessionKey, SessionStatus, SkipError } from '@pave/domain';
import type { DecodeError } from '../qa/decode-image.js';
import type { SessionNotFound } from '../sessions/session-not-found.js';

/** The session takes no more attempts, nor a start: it is `COMPLETE`, `EXPIRED` or `INVALID`. */
export type SessionClosed = {
  readonly code: 'session_closed';
  readonly sessionKey: SessionKey;
  readonly status: SessionStatus;
};

/** The session cannot be confirmed in its status: its capture is not complete yet, or it is closed. */
export type ConfirmRefused = {
  readonly code: 'confirm_refused';
  readonly sessionKey: SessionKey;
  readonly status: SessionStatus;
};

/** The session's account holds as many image bytes as its quota allows (`PAVE_STORAGE_QUOTA_MB`). */
export type StorageQuotaExceeded = { readonly code: 'storage_quota_exceeded'; readonly quotaBytes: number };

/**
 * Every refusal of the capture service, each with the data needed to word it (the capture router does, with the
 * domain's messages). An upload the decoder refuses keeps the decoder's own description of the file.
 */
export type CaptureError =
  | SessionNotFound
  | SessionClosed
  | ConfirmRefused
  | SkipError
  | ManualEntryError
  | DecodeError
  | AttemptsExhausted
  | StorageQuotaExceeded;

/** The refusal of an attempt on (or the start of) a closed session. */
export function sessionClosed(sessionKey: SessionKey, status: SessionStatus): { ok: false; error: SessionClosed } {
  return { ok: false, error: { code: 'session_closed', sessionKey, status } };
}
