import { Router } from 'express';
import { z } from 'zod';
import { ApiProblem } from '../http/api-problem.js';
import type { HttpMetrics } from '../http/metrics.js';
import type { ImageStore } from '../images/image-store.js';
import { serveGet } from '../http/route-helpers.js';
import type { Logger } from '../logger.js';
import { refusal, publicGetRoutes, type RouteDoc } from '../openapi/route-doc.js';
import type { Repository } from '../storage/repository.js';

/** 200 body of `/healthz`. */
export const HealthResponse = z.object({ status: z.literal('ok') });
/** 200 body of `/readyz`. */
export const ReadyResponse = z.object({ status: z.literal('ready') });

/** What the ops routes look at. */
export type OpsDeps = { repo: Repository; images: ImageStore; metrics: HttpMetrics; logger: Logger };

/** Liveness, readiness (the database and the image store both answer) and metrics. */
export function createOpsRouter(deps: OpsDeps): Router {
  const router = Router();
  serveGet(router, '/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  serveGet(router, '/readyz', async (_req, res) => {
    const log = res.locals.log ?? deps.logger;
    const [database, images] = await Promise.allSettled([deps.repo.ping(), deps.images.ping()]);
    if (database.status === 'rejected') {
      log.warn({ err: database.reason }, 'storage is unreachable');
      throw new ApiProblem('unavailable', 'Storage is unreachable.', { retryAfterSeconds: 1 });
    }
    if (images.status === 'rejected') {
      log.warn({ err: images.reason }, 'the image store is unreachable');
      throw new ApiProblem('unavailable', 'Image storage is unreachable.', { retryAfterSeconds: 1 });
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
    summary: 'Readiness: the database and the image store answer',
    responses: {
      200: { description: 'Ready.', schema: ReadyResponse },
      503: refusal('Storage or image storage is unreachable.'),
    },
  },
  {
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics: request counts and latency by route template and status, and process metrics',
    responses: { 200: { description: 'Prometheus text format 0.0.4.', contentType: 'text/plain' } },
  },
]);
