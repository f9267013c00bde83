import { Router } from 'express';
import { z } from 'zod';
import { ApiProblem } from '../http/api-problem.js';
import type { HttpMetrics } from '../http/metrics.js';
import { serveGet } from '../http/route-helpers.js';
import type { Logger } from '../logger.js';
import { refusal, publicGetRoutes, type RouteDoc } from '../openapi/route-doc.js';
import type { Repository } from '../storage/repository.js';

/** 200 body of `/healthz`. */
export const HealthResponse = z.object({ status: z.literal('ok') });
/** 200 body of `/readyz`. */
export const ReadyResponse = z.object({ status: z.literal('ready') });

/** Liveness, readiness and metrics. */
export function createOpsRouter(deps: { repo: Repository; metrics: HttpMetrics; logger: Logger }): Router {
  const router = Router();
  serveGet(router, '/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  serveGet(router, '/readyz', async (_req, res) => {
    try {
      await deps.repo.ping();
    } catch (error) {
      (res.locals.log ?? deps.logger).warn({ err: error }, 'storage is unreachable');
      throw new ApiProblem('unavailable', 'Storage is unreachable.', { retryAfterSeconds: 1 });
    }
    res.json({ status: 'ready' });
  });
  serveGet(router, '/metrics', async (_req, res) => {
    res.type(deps.metrics.contentType).send(await deps.metrics.render());
  });
  return router;
}

/** The routes of ops.router.ts. */
export const opsRouteDocs: readonly RouteDoc[] = publicGetRoutes('Operations', [
  {
    path: '/healthz',
    operationId: 'health',
    summary: 'Liveness: the process is up',
    responses: { 200: { description: 'Up.', schema: HealthResponse } },
  },
  {
    path: '/readyz',
    operationId: 'ready',
    summary: 'Readiness: storage answers',
    responses: { 200: { description: 'Ready.', schema: ReadyResponse }, 503: refusal('Storage is unreachable.') },
  },
  {
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics: request counts and latency by route template and status, and process metrics',
    responses: { 200: { description: 'Prometheus text format 0.0.4.', contentType: 'text/plain' } },
  },
]);
