import type { ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';
import type { HttpMetrics, RequestSample } from './metrics.js';

/** One answered (or abandoned) request, as its metrics and its log line describe it. */
export type RequestRecord = RequestSample & {
  /** The path as requested, without the query, at most 256 characters. */
  readonly path: string;
  /** True when the connection closed before the whole answer was handed over. */
  readonly aborted: boolean;
};

/** The route template that answered (`/v1/sessions/:session_key`), never the raw path, so label values stay few. */
export function routeLabelOf(req: Request, res: Response): string {
  const route: unknown = req.route;
  if (typeof route === 'object' && route !== null && 'path' in route && typeof route.path === 'string') {
    return `${req.baseUrl}${route.path}`;
  }
  return res.locals.routeLabel ?? 'unmatched';
}

// Segments that open something to whoever holds them: a capture link's session key (the page and its API routes)
// and a stored image's id. Logs keep the route's shape, not the value.
const secretSegments: readonly RegExp[] = [
  /^(\/v1\/capture\/)[^/]+/,
  /^(\/capture\/)[^/#]+/,
  /^(\/images\/)(?!default\/)[^/]+/,
];

/**
 * The path of a request URL as logged: no query or fragment (they may carry anything), a capture link's session key
 * and an image id replaced by `[redacted]`, at most 256 characters.
 */
export function loggedPathOf(url: string): string {
  const path = (url.split(/[?#]/)[0] ?? '').slice(0, 256);
  return secretSegments.reduce((redacted, pattern) => redacted.replace(pattern, '$1[redacted]'), path);
}

/**
 * Calls `done` once, when the answer is finished or when the connection closes first; `aborted` tells which.
 * `started` is the clock's reading when the request came in; `done` gets the seconds since.
 */
export function whenAnswered(
  res: ServerResponse,
  started: bigint,
  clock: () => bigint,
  done: (aborted: boolean, seconds: number) => void,
): void {
  let observed = false;
  const observe = (): void => {
    if (observed) return;
    observed = true;
    done(!res.writableFinished, Number(clock() - started) / 1e9);
  };
  res.on('finish', observe);
  res.on('close', observe);
}

/**
 * Counts a request and logs it at info. `requestLog` gives the request's logger (with its id); it is called only
 * when info is on, so a fast path need not make a child logger per request under LOG_LEVEL=warn.
 */
export function recordRequest(
  metrics: HttpMetrics,
  logger: Logger,
  record: RequestRecord,
  requestLog: () => Logger = () => logger,
): void {
  const { method, route, path, status, seconds, aborted } = record;
  metrics.observe({ method, route, status, seconds });
  if (!logger.isLevelEnabled('info')) return;
  requestLog().info({ method, route, path, status, ms: Math.round(seconds * 1000), aborted }, 'request');
}

/** Counts and logs every request once it is answered (or abandoned): method, route template, status, duration. */
export function createRequestObserver(
  metrics: HttpMetrics,
  logger: Logger,
  clock: () => bigint = process.hrtime.bigint,
): RequestHandler {
  return (req, res, next) => {
    whenAnswered(res, clock(), clock, (aborted, seconds) => {
      const record = {
        method: req.method,
        route: routeLabelOf(req, res),
        path: loggedPathOf(req.originalUrl),
        status: res.statusCode,
        seconds,
        aborted,
      };
      recordRequest(metrics, logger, record, () => res.locals.log ?? logger);
    });
    next();
  };
}
