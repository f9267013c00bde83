import type { ApiErrorCode } from '@pave/domain';

/** An expected refusal: a code (its status comes from the error handler's table) and a message for the caller. */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(code: ApiErrorCode, message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}
