import { AttemptTimeoutError, HttpStatusError, isConnectionRefused, isNetworkFailure } from './map-transport-error.js';

/** How a client retries: `limit` retries at most (so `limit + 1` attempts), with exponential backoff and full jitter. */
export type RetryPolicy = {
  /** Retries after the first attempt. */
  readonly limit: number;
  /** The first backoff's upper bound; it doubles with each retry. */
  readonly baseDelayMs: number;
  /** The largest backoff, before jitter. */
  readonly maxDelayMs: number;
  /** The longest `Retry-After` wait honoured; a longer one is cut to this. */
  readonly maxRetryAfterMs: number;
};

/** The default policy: 2 retries, backoff from 300 ms up to 5 s, `Retry-After` honoured up to 30 s. */
export const defaultRetryPolicy: RetryPolicy = {
  limit: 2,
  baseDelayMs: 300,
  maxDelayMs: 5000,
  maxRetryAfterMs: 30_000,
};

/** Statuses worth another attempt: the server may answer differently soon. */
export const retryableStatuses: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Methods that are retried at all (PATCH never is). */
const retriedMethods: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE', 'POST']);

/**
 * May a call that failed with `error` be sent again? Retryable failures are the statuses above, timeouts and network
 * failures (never an error fetch did not raise as one). A GET, PUT or DELETE may be repeated; a POST only when the
 * server provably did not act on it: 429, 503 with `Retry-After`, or a refused connection.
 */
export function isRetryable(error: unknown, method: string): boolean {
  if (!retriedMethods.has(method)) return false;
  const post = method === 'POST';
  if (error instanceof HttpStatusError) {
    const { status, headers } = error;
    if (!retryableStatuses.has(status)) return false;
    return !post || status === 429 || (status === 503 && headers.has('retry-after'));
  }
  if (error instanceof AttemptTimeoutError) return !post;
  if (isNetworkFailure(error)) return !post || isConnectionRefused(error);
  return false;
}

// an IMF-fixdate, the one HTTP-date form servers send: `Sun, 06 Nov 1994 08:49:37 GMT`
const httpDatePattern = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** A `Retry-After` value (delay-seconds or an HTTP date) in ms from now, or null when unreadable. */
export function retryAfterMs(value: string | null): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!httpDatePattern.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/**
 * The wait before retry number `retry` (1 for the first) after `error`: the answer's `Retry-After` when it has a
 * readable one, capped at `maxRetryAfterMs`; else a full-jitter backoff, random in
 * `[0, min(maxDelayMs, baseDelayMs × 2^(retry−1)))`.
 */
export function retryDelayMs(policy: RetryPolicy, retry: number, error: unknown): number {
  const after = error instanceof HttpStatusError ? retryAfterMs(error.headers.get('retry-after')) : null;
  if (after !== null) return Math.min(after, policy.maxRetryAfterMs);
  return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}
