import { isHTTPError, isNetworkError, isTimeoutError, type RetryOptions as KyRetryOptions } from 'ky';
import { isConnectionRefused } from './map-ky-error.js';

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

/**
 * May a request that failed with `error` be sent again without risking a second effect? A GET, PUT or DELETE may. A POST
 * only when the server provably did not act on it: 429, 503 with `Retry-After`, or a refused connection.
 */
function isSafeToRepeat(error: Error): boolean {
  if (isHTTPError(error)) {
    const { status, headers } = error.response;
    return error.request.method !== 'POST' || status === 429 || (status === 503 && headers.has('retry-after'));
  }
  if (isNetworkError(error)) return error.request.method !== 'POST' || isConnectionRefused(error);
  if (isTimeoutError(error)) return error.request.method !== 'POST';
  return false;
}

/**
 * ky's retry options for a {@link RetryPolicy}. ky decides which failures are retryable (the statuses below,
 * timeouts, network errors; never an error it does not recognise), waits `Retry-After` (seconds or an HTTP date,
 * capped) or a full-jitter backoff, and stops at once when the caller's signal aborts. `shouldRetry` only vetoes
 * retries of a POST that could act twice; it never answers `true`, which would make ky skip `Retry-After`.
 */
export function kyRetryOptions(policy: RetryPolicy): KyRetryOptions {
  const statusCodes = [...retryableStatuses];
  return {
    limit: policy.limit,
    methods: ['get', 'put', 'delete', 'post'],
    statusCodes,
    // ky honours Retry-After only on 413, 429 and 503 by default; here it replaces the backoff on every retried status
    afterStatusCodes: statusCodes,
    maxRetryAfter: policy.maxRetryAfterMs,
    delay: (retry) => Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1)),
    jitter: true,
    retryOnTimeout: true,
    shouldRetry: ({ error }) => (isSafeToRepeat(error) ? undefined : false),
  };
}
