import type { RequestHandler } from 'express';
import type { RateLimitStore } from '../storage/repository.js';
import { ApiProblem } from './api-problem.js';
import { accountOf } from './request-context.js';

// Fixed one-minute windows per API key, counted in storage (one atomic upsert per request), so every instance
// sharing a PostgreSQL enforces one limit. A refused request still counts; it cannot extend a fixed window.

/** The length of a rate-limit window. */
export const rateLimitWindowMs = 60_000;

/** The outcome of one request's check: allowed (with what is left), or refused until the window resets. */
export type RateLimitDecision =
  | { readonly ok: true; readonly limit: number; readonly remaining: number; readonly resetSeconds: number }
  | { readonly ok: false; readonly limit: number; readonly retryAfterSeconds: number; readonly resetSeconds: number };

/** Counts requests per API key against a per-minute limit. */
export type RateLimiter = {
  /** False when the limit is 0: every request is allowed, nothing is counted and no header is sent. */
  readonly enabled: boolean;
  /**
   * Counts one request of `apiKey` and decides. Disabled: always `{ ok: true, limit: 0, remaining: 0,
   * resetSeconds: 0 }` without touching storage. Rejects when storage does (a 503 through the error handler).
   */
  check(apiKey: string): Promise<RateLimitDecision>;
};

/** What {@link createRateLimiter} needs. */
export type RateLimiterOptions = {
  readonly store: RateLimitStore;
  /** Requests per API key and minute; 0 turns limiting off. */
  readonly limitPerMinute: number;
  readonly now: () => Date;
};

const disabledDecision: RateLimitDecision = { ok: true, limit: 0, remaining: 0, resetSeconds: 0 };

/** The start (epoch ms) of the window holding `atMs`. */
export function rateLimitWindowStart(atMs: number): number {
  return Math.floor(atMs / rateLimitWindowMs) * rateLimitWindowMs;
}

/** A limiter over a store; see {@link RateLimiter}. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { store, limitPerMinute: limit, now } = options;
  if (!Number.isInteger(limit) || limit < 0) throw new Error('invariant: limitPerMinute is an integer ≥ 0');
  if (limit === 0) return { enabled: false, check: () => Promise.resolve(disabledDecision) };
  return {
    enabled: true,
    async check(apiKey) {
      const atMs = now().getTime();
      const windowStart = rateLimitWindowStart(atMs);
      // whole seconds until the next window, 1 to 60: a client waiting that long is always in a new window
      const resetSeconds = Math.ceil((windowStart + rateLimitWindowMs - atMs) / 1000);
      const count = await store.hit(apiKey, windowStart);
      if (count <= limit) return { ok: true, limit, remaining: limit - count, resetSeconds };
      return { ok: false, limit, retryAfterSeconds: resetSeconds, resetSeconds };
    },
  };
}

/** The answer's message when an API key is over its limit. */
export function rateLimitedMessage(limit: number, retryAfterSeconds: number): string {
  return `Rate limit of ${limit} requests per minute exceeded for this API key; retry in ${retryAfterSeconds} s.`;
}

/** The IETF draft `RateLimit-*` headers of a decision (draft-ietf-httpapi-ratelimit-headers: delta seconds). */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.ok ? decision.remaining : 0),
    'RateLimit-Reset': String(decision.resetSeconds),
  };
}

/**
 * Counts a request of `apiKey`, sets the `RateLimit-*` headers through `setHeader` and throws a 429
 * {@link ApiProblem} (with its `retryAfterSeconds`) when over the limit. Does nothing when the limiter is disabled.
 * For Express (see {@link createRateLimitMiddleware}) and for handlers on the bare node:http response.
 */
export async function enforceRateLimit(
  limiter: RateLimiter,
  apiKey: string,
  setHeader: (name: string, value: string) => void,
): Promise<void> {
  if (!limiter.enabled) return;
  const decision = await limiter.check(apiKey);
  for (const [name, value] of Object.entries(rateLimitHeaders(decision))) setHeader(name, value);
  if (!decision.ok) {
    const { limit, retryAfterSeconds } = decision;
    throw new ApiProblem('rate_limited', rateLimitedMessage(limit, retryAfterSeconds), { retryAfterSeconds });
  }
}

/**
 * Limits the authenticated account's API key: place it after the auth middleware (it reads `res.locals.account`).
 * Sets `RateLimit-*` on every answer of the route; over the limit, a 429 with `Retry-After` whose body follows
 * the route's error style. A disabled limiter gives a middleware that only calls `next()`.
 */
export function createRateLimitMiddleware(limiter: RateLimiter): RequestHandler {
  if (!limiter.enabled) return (_req, _res, next) => next();
  return async (_req, res, next) => {
    // a signed-in person is counted on their own, not on the account's API key
    const key = res.locals.user ? `user:${res.locals.user.id}` : accountOf(res).apiKey;
    await enforceRateLimit(limiter, key, (name, value) => res.setHeader(name, value));
    next();
  };
}

/** Deletes counters of windows before the previous one (kept for instances whose clock runs a little behind). */
export function pruneRateLimits(store: RateLimitStore, now: Date): Promise<number> {
  return store.prune(rateLimitWindowStart(now.getTime()) - rateLimitWindowMs);
}
