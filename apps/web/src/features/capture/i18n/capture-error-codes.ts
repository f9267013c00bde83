import type { ApiErrorCode } from '@pave/domain';

/**
 * The error codes the capture routes answer that the driver is told about in their own words (the catalogues' `errors.codes`); any other
 * code, or an answer without one, gets the catalogue's generic sentence, never the server's English `message`.
 */
export const captureErrorCodes = [
  'not_found',
  'session_closed',
  'invalid_transition',
  'not_skippable',
  'already_accepted',
  'needed_images_missing',
  'invalid_manual_value',
  'invalid_request',
  'unsupported_media_type',
  'payload_too_large',
  'unprocessable_image',
  'request_timeout',
  'attempts_exhausted',
  'storage_quota_exceeded',
  'rate_limited',
  'unavailable',
] as const satisfies readonly ApiErrorCode[];

/** A code of {@link captureErrorCodes}. */
export type CaptureErrorCode = (typeof captureErrorCodes)[number];

const known: ReadonlySet<string> = new Set(captureErrorCodes);

/** True when the catalogues word `code` themselves. */
export function isCaptureErrorCode(code: string): code is CaptureErrorCode {
  return known.has(code);
}
