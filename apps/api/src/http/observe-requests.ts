import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';
import type { HttpMetrics } from './metrics.js';

/** The route template that answered (`/v1/sessions/:session_key`), never the raw path, so label values stay few. */
export function routeLabelOf(req: Request, res: Response): string {
  const route: unknown = req.route;
  if (typeof route === 'object' && route !== null && 'path' in route && typeof route.path === 'string') {
    return `${req.baseUrl}${route.path}`;
  }
  return res.locals.routeLabel ?? 'unmatched';
}

/** Counts and logs every request once it is answered (or abandoned): method, route template, status, duration. */
export function createRequestObserver(
  metrics: HttpMetrics,
  logger: Logger,
  clock: () => bigint = process.hrtime.bigint,
): RequestHandler {
  return (req, res, next) => {
    const started = clock();
    let observed = false;
    const observe = (): void => {
      if (observed) return;
      observed = true;
      const seconds = Number(clock() - started) / 1e9;
      const route = routeLabelOf(req, res);
      metrics.observe({ method: req.method, route, status: res.statusCode, seconds });
      const path = (req.originalUrl.split('?')[0] ?? '').slice(0, 256);
      const fields = { method: req.method, route, path, status: res.statusCode, ms: Math.round(seconds * 1000) };
      (res.locals.log ?? logger).info({ ...fields, aborted: !res.writableFinished }, 'request');
    };
    res.on('finish', observe);
    res.on('close', observe);
    next();
  };
}
