import * as z from 'zod/mini';
import type { SkipError } from './capture-progress.js';
import { photoLabelOf } from './photo-code.js';
import { isAcceptingStatus, type SessionStatus } from './session.js';

/** Error codes our own routes may add to an error body (PAVE's routes answer `{message}` alone). */
export const ApiErrorCode = z.enum([
  'invalid_request',
  'malformed_json',
  'unauthorized',
  'forbidden',
  'csrf_refused',
  'conflict',
  'not_found',
  'method_not_allowed',
  'request_timeout',
  'headers_too_large',
  'session_started',
  'session_closed',
  'invalid_transition',
  'update_refused',
  'session_not_completed',
  'not_skippable',
  'already_accepted',
  'needed_images_missing',
  'invalid_manual_value',
  'payload_too_large',
  'unsupported_media_type',
  'unprocessable_image',
  'rate_limited',
  'attempts_exhausted',
  'storage_quota_exceeded',
  'unavailable',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/** The HTTP status of each error code: the server answers with it, and a code without a status does not compile. */
export const apiErrorStatus = {
  invalid_request: 400,
  malformed_json: 400,
  unauthorized: 401,
  // signed in, but the role lacks the permission the route needs
  forbidden: 403,
  // a state-changing cookie request without its session's CSRF token
  csrf_refused: 403,
  // the email is taken, or the last admin would be removed
  conflict: 409,
  not_found: 404,
  method_not_allowed: 405,
  // the request's headers did not arrive in time, or were larger than the server reads (Node's parser refuses both)
  request_timeout: 408,
  headers_too_large: 431,
  // PAVE answers 400 when deleting a session that has started
  session_started: 400,
  session_closed: 409,
  invalid_transition: 409,
  // contract section 3 (Decision): a change the rules forbid is a bad request naming the field
  update_refused: 400,
  // PAVE answers results of an unfinished session with a message; we answer it 400 (contract section 4)
  session_not_completed: 400,
  // a step that can never be skipped is a bad request, not a conflict of state
  not_skippable: 400,
  already_accepted: 409,
  needed_images_missing: 409,
  invalid_manual_value: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable_image: 422,
  rate_limited: 429,
  // a session past its attempt caps (the domain's attemptLimits): a conflict with its state, not a bad request
  attempts_exhausted: 409,
  // an account whose stored images reached its quota: 413 (the content is more than the server will keep), a 4xx
  // because retrying does not help until images are erased; 507 is a 5xx that clients retry
  storage_quota_exceeded: 413,
  unavailable: 503,
  internal: 500,
} as const satisfies Record<ApiErrorCode, number>;

/** The body of every non-2xx answer: PAVE's `{message}`, which our own routes extend with `code` and `details`. */
export const ApiErrorBody = z.object({
  message: z.string(),
  code: z.optional(ApiErrorCode),
  details: z.optional(z.unknown()),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** PAVE's 404 message for a session that is unknown or belongs to another account. */
export function sessionNotFoundMessage(sessionKey: string): string {
  return `Session ${sessionKey} cannot be found.`;
}

/** PAVE's 200 message for a removed session. */
export function sessionRemovedMessage(sessionKey: string): string {
  return `Session ${sessionKey} has been successfully removed.`;
}

/** The 200 message of `POST /v1/sessions/:session_key/erase` (ours). */
export function sessionErasedMessage(sessionKey: string): string {
  return `Session ${sessionKey} has been erased: its photos, notes and events are gone.`;
}

/** PAVE's 400 message for deleting a session that is no longer `IDLE`. */
export function sessionStartedMessage(sessionKey: string): string {
  return `Session ${sessionKey} has been started and cannot be deleted.`;
}

/** The 400 message for a session list query whose `cursor` is not one this API gave out. */
export function invalidCursorMessage(): string {
  return 'Invalid query: cursor is not one this API gave out.';
}

/** The 409 message for an attempt on (or the start of) a session that takes no more: `COMPLETE`, `EXPIRED`, `INVALID`. */
export function sessionClosedMessage(sessionKey: string, status: SessionStatus): string {
  return `Session ${sessionKey} is ${status}: it takes no more photos.`;
}

/** The 409 message for confirming a session that is not `QC_PASSED` (or `CONFIRM`): still capturing, or closed. */
export function confirmRefusedMessage(sessionKey: string, status: SessionStatus): string {
  const why = isAcceptingStatus(status) ? 'its capture is not complete yet' : 'it is closed';
  return `Session ${sessionKey} cannot be confirmed while ${status}: ${why}.`;
}

/** 200 body of `DELETE /v1/sessions/:session_key`. */
export const DeleteSessionResponse = z.object({ message: z.string() });
export type DeleteSessionResponse = z.infer<typeof DeleteSessionResponse>;

/** The message of a refused skip, naming what is still missing. */
export function skipErrorMessage(error: SkipError): string {
  switch (error.code) {
    case 'not_skippable':
      return `${photoLabelOf(error.photoCode)} can never be skipped: only exterior views can.`;
    case 'already_accepted':
      return `${photoLabelOf(error.photoCode)} already has an accepted photo.`;
    case 'needed_images_missing':
      return `Cannot skip yet: ${error.missing.map(photoLabelOf).join(', ')} must be accepted first.`;
  }
}

/** PAVE's message for the results of a session that is not `COMPLETE` yet. */
export function sessionNotCompletedMessage(): string {
  return 'Session is not yet completed.';
}

/** The 409 message for invalidating a session that already is `INVALID`. */
export function alreadyInvalidMessage(sessionKey: string): string {
  return `Session ${sessionKey} is already INVALID.`;
}
