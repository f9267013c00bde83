import { ApiErrorBody } from '@pave/domain';
import { Router } from 'express';
import { z } from 'zod';
import { ApiProblem } from '../http/api-problem.js';
import { methodNotAllowed } from '../http/error-handler.js';
import type { HttpMetrics } from '../http/metrics.js';
import type { Logger } from '../logger.js';
import type { RouteDoc } from '../openapi/route-doc.js';
import type { Repository } from '../storage/repository.js';

/** 200 body of `/healthz`. */
export const HealthResponse = z.object({ status: z.literal('ok') });
/** 200 body of `/readyz`. */
export const ReadyResponse = z.object({ status: z.literal('ready') });

/** Liveness, readiness and metrics. */
export function createOpsRouter(deps: { repo: Repository; metrics: HttpMetrics; logger: Logger }): Router {
  const router = Router();
  router
    .route('/healthz')
    .get((_req, res) => {
      res.json({ status: 'ok' });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/readyz')
    .get(async (_req, res) => {
      try {
        await deps.repo.ping();
      } catch (error) {
        (res.locals.log ?? deps.logger).warn({ err: error }, 'storage is unreachable');
        throw new ApiProblem('unavailable', 'Storage is unreachable.', { retryAfterSeconds: 1 });
      }
      res.json({ status: 'ready' });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/metrics')
    .get(async (_req, res) => {
      res.type(deps.metrics.contentType).send(await deps.metrics.render());
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}

/** The routes of ops.router.ts. */
export const opsRouteDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: 'Liveness: the process is up',
    tag: 'Operations',
    auth: false,
    responses: { 200: { description: 'Up.', schema: HealthResponse } },
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'ready',
    summary: 'Readiness: storage answers',
    tag: 'Operations',
    auth: false,
    responses: {
      200: { description: 'Ready.', schema: ReadyResponse },
      503: { description: 'Storage is unreachable.', schema: ApiErrorBody },
    },
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics: request counts and latency by route template and status, and process metrics',
    tag: 'Operations',
    auth: false,
    responses: { 200: { description: 'Prometheus text format 0.0.4.', contentType: 'text/plain' } },
  },
];
