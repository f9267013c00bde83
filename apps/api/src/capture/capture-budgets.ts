import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ApiProblem } from '../http/api-problem.js';
import { createRateLimiter, rateLimitWindowMs, rateLimitWindowStart, type RateLimiter } from '../http/rate-limit.js';
import type { RateLimitStore } from '../storage/repository.js';
import { clientAddressKey } from './client-address.js';

// Budgets of the unauthenticated surface (`/v1/capture/…`, `/images/…`), counted per fixed minute in the shared
// `rate_limits` table (one atomic upsert per count), so every instance on one PostgreSQL enforces one budget. Their
// counter names hold a `:`, which no API key may, so they never mix with the API keys' counters.

/** Requests per minute (0: no budget) on the capture and image routes. */
export type CaptureBudgetLimits = {
  /** Capture requests of one session, counted once its capture token matched (a stranger cannot spend it). */
  readonly perSession: number;
  /** Capture requests from one client address (an IPv6 /64). */
  readonly capturePerAddress: number;
  /** Image requests from one client address. */
  readonly imagesPerAddress: number;
  /** Not-found answers to one client address; past it, every capture and image request of it is 429 until the minute ends. */
  readonly notFoundPerAddress: number;
};

/** The budgets unless set (docs/security.md, "Budgets"). */
export const defaultCaptureBudgets: CaptureBudgetLimits = {
  perSession: 300,
  capturePerAddress: 1200,
  imagesPerAddress: 3000,
  notFoundPerAddress: 30,
};

/** Blocked addresses an instance remembers at most (oldest forgotten first). */
const maxBlocked = 10_000;

/** What {@link createCaptureBudgets} needs. */
export type CaptureBudgetOptions = {
  readonly store: RateLimitStore;
  readonly limits: CaptureBudgetLimits;
  readonly now: () => Date;
};

/** The budget middlewares of the capture and image routers. */
export type CaptureBudgets = {
  /** Counts a request against its address's budget of `route` (and refuses an address past its 404 budget). */
  readonly perAddress: (route: 'capture' | 'images') => RequestHandler;
  /** Counts a capture request against its session's budget: place it after the capture-token check. */
  readonly perSession: RequestHandler;
  /** An error middleware counting not-found answers per address; the one over budget becomes a 429. */
  readonly countNotFound: ErrorRequestHandler;
};

function addressOf(req: Request): string {
  return clientAddressKey(req.socket.remoteAddress);
}

const messages = {
  address: (limit: number, seconds: number) =>
    `Too many requests from this address (at most ${limit} a minute); retry in ${seconds} s.`,
  session: (limit: number, seconds: number) =>
    `Too many requests for this capture session (at most ${limit} a minute); retry in ${seconds} s.`,
  notFound: (seconds: number) =>
    `Too many requests for unknown sessions or images from this address; retry in ${seconds} s.`,
};

async function enforce(
  limiter: RateLimiter,
  key: string,
  message: (limit: number, seconds: number) => string,
): Promise<void> {
  if (!limiter.enabled) return;
  const decision = await limiter.check(key);
  if (decision.ok) return;
  const seconds = decision.retryAfterSeconds;
  throw new ApiProblem('rate_limited', message(decision.limit, seconds), { retryAfterSeconds: seconds });
}

/**
 * The budgets over `store`. An address past its 404 budget is remembered by the instance that saw it until the
 * minute ends (so its later requests cost no query); other instances learn it from the shared count at its next 404.
 */
export function createCaptureBudgets(options: CaptureBudgetOptions): CaptureBudgets {
  const { store, limits, now } = options;
  const limiter = (limitPerMinute: number) => createRateLimiter({ store, limitPerMinute, now });
  const session = limiter(limits.perSession);
  const byRoute = { capture: limiter(limits.capturePerAddress), images: limiter(limits.imagesPerAddress) };
  const notFound = limiter(limits.notFoundPerAddress);
  const blockedUntil = new Map<string, number>();
  const secondsLeft = (until: number) => Math.max(1, Math.ceil((until - now().getTime()) / 1000));
  const refuseBlocked = (address: string): void => {
    const until = blockedUntil.get(address);
    if (until === undefined) return;
    if (until <= now().getTime()) blockedUntil.delete(address);
    else
      throw new ApiProblem('rate_limited', messages.notFound(secondsLeft(until)), {
        retryAfterSeconds: secondsLeft(until),
      });
  };
  const block = (address: string): number => {
    const until = rateLimitWindowStart(now().getTime()) + rateLimitWindowMs;
    if (blockedUntil.size >= maxBlocked) blockedUntil.delete(blockedUntil.keys().next().value ?? '');
    blockedUntil.set(address, until);
    return until;
  };
  return {
    perAddress: (route) => async (req, _res, next) => {
      const address = addressOf(req);
      refuseBlocked(address);
      await enforce(byRoute[route], `${route}-address:${address}`, messages.address);
      next();
    },
    perSession: async (req, _res, next) => {
      const param: unknown = req.params['session_key'];
      await enforce(session, `capture-session:${String(param)}`, messages.session);
      next();
    },
    countNotFound: (error: unknown, req, _res, next) => {
      if (!(error instanceof ApiProblem) || error.code !== 'not_found' || !notFound.enabled) {
        next(error);
        return;
      }
      const address = addressOf(req);
      notFound.check(`not-found:${address}`).then((decision) => {
        if (decision.ok) return next(error);
        const seconds = secondsLeft(block(address));
        next(new ApiProblem('rate_limited', messages.notFound(seconds), { retryAfterSeconds: seconds }));
      }, next);
    },
  };
}
