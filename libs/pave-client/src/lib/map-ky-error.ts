import { ApiErrorBody } from '@pave/domain';
import { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import { createApiError, PaveNetworkError, PaveTimeoutError, type PaveClientError } from './pave-client-error.js';
import type { RetryTrigger } from './retry-policy.js';

/** The request a failure belongs to: for messages, and the credential values no error may show. */
export type FailedRequest = {
  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;
  /** Header values and secrets of this attempt, cut out of any text copied from the underlying error. */
  readonly secrets: readonly string[];
};

/** A failed attempt: the error to throw if it is the last one, and what the retry policy needs to know. */
export type MappedFailure = { error: PaveClientError; trigger: RetryTrigger };

const maxCauseDepth = 4;

// shorter values are not credentials anyone uses, and cutting them would shred every message
const minRedactedLength = 8;

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce(
    (result, secret) => (secret.length >= minRedactedLength ? result.replaceAll(secret, '[redacted]') : result),
    text,
  );
}

type ErrorLike = { name: string; message: string; stack?: unknown; cause?: unknown; code?: unknown };

// not `instanceof Error`: fetch's own errors may come from another realm (Node's undici under Jest, iframes)
function asErrorLike(value: unknown): ErrorLike | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, message } = value as Partial<ErrorLike>;
  return typeof name === 'string' && typeof message === 'string' ? (value as ErrorLike) : null;
}

/**
 * A copy of an error and its causes with only name, message, stack and a string `code`, any of `secrets`
 * cut out. ky's errors carry the `Request` (signed headers included), so they are never kept as they are.
 */
export function sanitizeError(error: unknown, secrets: readonly string[], depth = 0): Error | undefined {
  const source = asErrorLike(error);
  if (!source || depth >= maxCauseDepth) return undefined;
  const cause = sanitizeError(source.cause, secrets, depth + 1);
  const copy = new Error(redact(source.message, secrets), cause ? { cause } : undefined);
  copy.name = source.name;
  if (typeof source.stack === 'string') copy.stack = redact(source.stack, secrets);
  if (typeof source.code === 'string') Object.defineProperty(copy, 'code', { value: source.code, enumerable: true });
  return copy;
}

/** The innermost message of a cause chain (`connect ECONNREFUSED 127.0.0.1:3000`), for a readable summary. */
function rootMessage(error: Error | undefined): string {
  let current = error;
  while (current?.cause instanceof Error) current = current.cause;
  return current?.message ?? 'unknown error';
}

/** Is any error in the cause chain a refused connection (Node's `ECONNREFUSED`)? Browsers do not tell. */
function isConnectionRefused(error: unknown, depth = 0): boolean {
  const source = asErrorLike(error);
  if (!source || depth >= maxCauseDepth) return false;
  return source.code === 'ECONNREFUSED' || isConnectionRefused(source.cause, depth + 1);
}

/** An error body: PAVE's `{message}` (ours may add `code`, `details`), JSON even when labelled as text. */
function parseErrorBody(status: number, data: unknown): ApiErrorBody {
  let value = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch {
      value = undefined;
    }
  }
  const parsed = ApiErrorBody.safeParse(value);
  if (parsed.success) return parsed.data;
  return { message: `The API answered ${status} without a readable error message.` };
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * The one place ky failures become {@link PaveClientError}s: HTTPError → PaveApiError (or its 404/401/403
 * subclasses), TimeoutError → PaveTimeoutError, NetworkError and anything else fetch threw → PaveNetworkError
 * (only ky's recognised network errors may be retried). Aborts are handled before this is called.
 */
export function mapKyError(error: unknown, request: FailedRequest): MappedFailure {
  const cause = sanitizeError(error, request.secrets);
  const options = cause ? { cause } : undefined;
  const what = `${request.method} ${pathOf(request.url)}`;
  if (isHTTPError(error)) {
    const { status } = error.response;
    const trigger: RetryTrigger = { kind: 'status', status, retryAfter: error.response.headers.get('retry-after') };
    return { error: createApiError(status, parseErrorBody(status, error.data), options), trigger };
  }
  if (isTimeoutError(error)) {
    const message = `${what} got no response within ${request.timeoutMs} ms.`;
    return { error: new PaveTimeoutError(message, request.timeoutMs, options), trigger: { kind: 'timeout' } };
  }
  const recognised = isNetworkError(error);
  const message = `${what} failed without a response: ${rootMessage(cause)}.`;
  const trigger: RetryTrigger = recognised
    ? { kind: 'network', refused: isConnectionRefused(error) }
    : { kind: 'fatal' };
  return { error: new PaveNetworkError(message, options), trigger };
}
