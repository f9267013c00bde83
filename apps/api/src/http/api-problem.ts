import type { ApiErrorCode } from '@pave/domain';

/** What an {@link ApiProblem} may carry besides its code and message. */
export type ApiProblemOptions = {
  /** Sent as the body's `details` on our own routes (never on PAVE's). */
  readonly details?: unknown;
  readonly cause?: unknown;
  /** Sent as `Retry-After` (whole seconds): when the caller may try again (429, 503). */
  readonly retryAfterSeconds?: number;
};

/** An expected refusal: a code (its status comes from the error handler's table) and a message for the caller. */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  readonly code: ApiErrorCode;
  readonly details: unknown;
  /** The answer's `Retry-After` in whole seconds; null sends none. */
  readonly retryAfterSeconds: number | null;
  constructor(code: ApiErrorCode, message: string, options: ApiProblemOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}
