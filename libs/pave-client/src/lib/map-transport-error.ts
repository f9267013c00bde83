import { ApiErrorBody } from '@pave/domain';
import type * as z from 'zod/mini';
import {
  createApiError,
  PaveNetworkError,
  PaveResponseError,
  PaveTimeoutError,
  type PaveClientError,
} from './pave-client-error.js';

/** The request a failure belongs to: for messages, and the credential values no error may show. */
export type FailedRequest = {
  readonly method: string;
  /** The absolute URL of the request. */
  readonly url: string;
  readonly timeoutMs: number;
  /** The status of the last response, when one arrived (the 2xx whose body could not be read). */
  readonly status?: number | undefined;
  /** Header values and secrets of this attempt, cut out of any text copied from the underlying error. */
  readonly secrets: readonly string[];
};

/** A non-2xx answer (after the retries): its status, headers and body text, for the error and the retry policy. */
export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  constructor(status: number, headers: Headers, body: string) {
    super(`The API answered ${status}.`);
    this.status = status;
    this.headers = headers;
    this.body = body;
  }
}

/** An attempt got no response (or no whole 2xx body) within the timeout. */
export class AttemptTimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(timeoutMs: number) {
    super(`No response within ${timeoutMs} ms.`);
  }
}

/** A 2xx JSON body that failed its schema. */
export class SchemaMismatchError extends Error {
  override name = 'SchemaMismatchError';
  readonly issues: readonly z.core.$ZodIssue[];
  constructor(issues: readonly z.core.$ZodIssue[]) {
    super('The response body does not match its schema.');
    this.issues = issues;
  }
}

// fetch's own messages for "no response" (browsers, undici), as is-network-error lists them
const networkMessages = new Set([
  'network error',
  'Failed to fetch',
  'NetworkError when attempting to fetch resource.',
  'The Internet connection appears to be offline.',
  'Load failed',
  'Network request failed',
  'fetch failed',
  'terminated',
]);

/** Is this what fetch throws when no response arrived (as opposed to a bug in a custom fetch)? */
export function isNetworkFailure(error: unknown): boolean {
  // not `instanceof TypeError`: fetch's errors may come from another realm (undici under Jest, iframes)
  if (Object.prototype.toString.call(error) !== '[object Error]') return false;
  const { name, message } = error as Error;
  return name === 'TypeError' && (networkMessages.has(message) || message.startsWith('Failed to fetch ('));
}

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
 * cut out. The underlying errors may carry a `Request` (signed headers included), so they are never kept as they are.
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
export function isConnectionRefused(error: unknown, depth = 0): boolean {
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

function summarize(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  if (!first) return 'no details';
  const where = first.path.length > 0 ? first.path.map(String).join('.') : '(root)';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where}: ${first.message}${more}`;
}

/** A 2xx body that failed its schema ({@link SchemaMismatchError}) or is not JSON (`JSON.parse`'s SyntaxError). */
function responseError(error: unknown, what: string, status: number): PaveResponseError | null {
  if (error instanceof SchemaMismatchError) {
    const { issues } = error;
    const message = `${what} answered ${status} with an unexpected body: ${summarize(issues)}`;
    return new PaveResponseError(message, { status, issues }, { cause: error });
  }
  if (error instanceof SyntaxError) {
    const issues: z.core.$ZodIssue[] = [{ code: 'custom', path: [], message: 'Expected a JSON body' }];
    const message = `${what} answered ${status} with a body that is not JSON.`;
    return new PaveResponseError(message, { status, issues }, { cause: error });
  }
  return null;
}

/**
 * The one place transport failures become {@link PaveClientError}s: HttpStatusError → PaveApiError (or its
 * 404/401/403 subclasses), AttemptTimeoutError → PaveTimeoutError, a 2xx body that is not JSON or fails its schema →
 * PaveResponseError, a network failure and anything else fetch threw → PaveNetworkError. Aborts are handled before
 * this is called.
 */
export function mapTransportError(error: unknown, request: FailedRequest): PaveClientError {
  const what = `${request.method} ${pathOf(request.url)}`;
  const invalid = request.status === undefined ? null : responseError(error, what, request.status);
  if (invalid) return invalid;
  const cause = sanitizeError(error, request.secrets);
  const options = cause ? { cause } : undefined;
  if (error instanceof HttpStatusError) {
    const { status } = error;
    return createApiError(status, parseErrorBody(status, error.body), options);
  }
  if (error instanceof AttemptTimeoutError) {
    const message = `${what} got no response within ${request.timeoutMs} ms.`;
    return new PaveTimeoutError(message, request.timeoutMs, options);
  }
  const message = `${what} failed without a response: ${rootMessage(cause)}.`;
  return new PaveNetworkError(message, options);
}
