import { apiErrorStatus, type ApiErrorBody, type ApiErrorCode } from '@pave/domain';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { isStorageUnavailable } from '../storage/storage-unavailable.js';
import { ApiProblem } from './api-problem.js';
import type { ErrorStyle } from './request-context.js';

/** The HTTP status of each error code: the domain's table, which test doubles of the API answer with too. */
export const statusOfCode = apiErrorStatus;

// body-parser and router errors carry a `type` or a 4xx `status`; each becomes a problem with our own words.
const problemsByType: Readonly<Record<string, readonly [ApiErrorCode, string]>> = {
  'entity.parse.failed': ['malformed_json', 'Malformed JSON body.'],
  'entity.too.large': ['payload_too_large', 'Request body too large.'],
  'parameters.too.many': ['payload_too_large', 'Too many parameters.'],
  'encoding.unsupported': ['unsupported_media_type', 'Unsupported content encoding.'],
  'charset.unsupported': ['unsupported_media_type', 'Unsupported charset.'],
  'request.aborted': ['invalid_request', 'Request aborted.'],
  'request.size.invalid': ['invalid_request', 'Request size does not match its Content-Length.'],
};
const problemsByStatus: Readonly<Record<number, readonly [ApiErrorCode, string]>> = {
  404: ['not_found', 'Not found.'],
  405: ['method_not_allowed', 'Method not allowed.'],
  413: ['payload_too_large', 'Request body too large.'],
  415: ['unsupported_media_type', 'Unsupported media type.'],
};

function fieldOf(error: unknown, name: 'type' | 'status'): unknown {
  return typeof error === 'object' && error !== null && name in error
    ? (error as Record<string, unknown>)[name]
    : undefined;
}

/** Turns anything thrown into a problem; null for the unexpected (a 500). */
export function toApiProblem(error: unknown): ApiProblem | null {
  if (error instanceof ApiProblem) return error;
  if (isStorageUnavailable(error)) {
    return new ApiProblem('unavailable', 'Storage is unavailable; try again shortly.', {
      cause: error,
      retryAfterSeconds: 1,
    });
  }
  const type = fieldOf(error, 'type');
  const known = typeof type === 'string' ? problemsByType[type] : undefined;
  if (known) return new ApiProblem(known[0], known[1], { cause: error });
  const status = fieldOf(error, 'status');
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  const [code, message] = problemsByStatus[status] ?? ['invalid_request', 'Invalid request.'];
  return new ApiProblem(code, message, { cause: error });
}

function bodyOf(problem: ApiProblem, style: ErrorStyle): ApiErrorBody {
  if (style === 'pave') return { message: problem.message };
  return problem.details === undefined
    ? { message: problem.message, code: problem.code }
    : { message: problem.message, code: problem.code, details: problem.details };
}

/** How an error is answered: a status, the headers it calls for, and a body in the route's style. */
export type ErrorAnswer = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ApiErrorBody;
};

/**
 * The answer to anything thrown: a problem's status and body (with `Retry-After` and `Allow` where it says), or
 * a generic 500 for the unexpected. Logs the unexpected and 5xx problems with a cause (with its stack) as errors,
 * 5xx refusals without one (a full upload pool) as warnings without a stack, to `log`; the caller sees no stack. For the error middleware and for handlers on the bare node:http response.
 */
export function errorAnswerOf(error: unknown, style: ErrorStyle, log: Logger): ErrorAnswer {
  const problem = toApiProblem(error);
  if (!problem) {
    log.error({ err: error }, 'unexpected error');
    return { status: 500, headers: {}, body: bodyOf(new ApiProblem('internal', 'Internal server error.'), style) };
  }
  const status = statusOfCode[problem.code];
  // a refusal made on purpose (a full upload pool) is a warning without a stack; a failure behind it is an error
  if (status >= 500 && problem.cause === undefined) log.warn({ code: problem.code, status }, problem.message);
  else if (status >= 500) log.error({ err: problem }, problem.message);
  const headers: Record<string, string> = {};
  if (problem.retryAfterSeconds !== null) headers['Retry-After'] = String(problem.retryAfterSeconds);
  if (problem.code === 'method_not_allowed' && Array.isArray(problem.details)) {
    headers['Allow'] = problem.details.join(', ');
  }
  return { status, headers, body: bodyOf(problem, style) };
}

/** The last middleware: answers `{message}` (plus `code`/`details` on our own routes); never leaks a stack. */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const answer = errorAnswerOf(error, res.locals.errorStyle ?? 'extended', res.locals.log ?? logger);
    res.set(answer.headers).status(answer.status).json(answer.body);
  };
}

/** Answers 404 for any request no route took. */
export const notFound: RequestHandler = () => {
  throw new ApiProblem('not_found', 'No such route.');
};

/** Answers 405 naming the methods a path supports (registered after the route's own methods). */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  return (req) => {
    throw new ApiProblem('method_not_allowed', `Method ${req.method} is not allowed here.`, { details: allowed });
  };
}
