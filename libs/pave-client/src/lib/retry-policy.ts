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

/** What went wrong with one attempt, as far as retrying is concerned. */
export type RetryTrigger =
  | { kind: 'status'; status: number; retryAfter: string | null }
  | { kind: 'network'; refused: boolean }
  | { kind: 'timeout' }
  | { kind: 'fatal' };

/**
 * May a failed attempt be repeated? An idempotent request (GET, DELETE) is retried on network errors,
 * timeouts and {@link retryableStatuses}. Any other request only when the server provably did not act on it:
 * 429, 503 with `Retry-After`, or a refused connection.
 */
export function isRetryable(trigger: RetryTrigger, idempotent: boolean): boolean {
  switch (trigger.kind) {
    case 'status':
      if (idempotent) return retryableStatuses.has(trigger.status);
      return trigger.status === 429 || (trigger.status === 503 && trigger.retryAfter !== null);
    case 'network':
      return idempotent || trigger.refused;
    case 'timeout':
      return idempotent;
    case 'fatal':
      return false;
  }
}

/**
 * Milliseconds a `Retry-After` value asks to wait: delay-seconds or an HTTP date (relative to `nowMs`, never
 * negative). Null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // every HTTP-date form starts with the weekday's name; Date.parse alone would take "-1" or "1.5" as dates
  if (!/^[A-Za-z]{3}/.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** Full-jitter exponential backoff before retry number `retry` (1-based): random in [0, min(max, base × 2^(retry−1))). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** What {@link retryDelay} needs to know about the attempt that failed. */
export type RetryContext = {
  /** The retry this would be (1 for the first retry). */
  readonly retry: number;
  readonly idempotent: boolean;
  readonly policy: RetryPolicy;
  readonly nowMs: number;
  readonly random: () => number;
};

/**
 * How long to wait before retrying, or null to give up: past the limit, or not retryable. A readable
 * `Retry-After` replaces the backoff, capped at `maxRetryAfterMs`.
 */
export function retryDelay(trigger: RetryTrigger, context: RetryContext): number | null {
  const { retry, idempotent, policy } = context;
  if (retry > policy.limit || !isRetryable(trigger, idempotent)) return null;
  const retryAfterMs = trigger.kind === 'status' ? parseRetryAfter(trigger.retryAfter, context.nowMs) : null;
  if (retryAfterMs !== null) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return backoffDelay(retry, policy, context.random);
}
