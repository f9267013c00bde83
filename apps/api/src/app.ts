import { randomInt as cryptoRandomInt } from 'node:crypto';
import {
  ApiErrorBody,
  CreateSessionRequest,
  DeleteSessionResponse,
  Session,
  SessionList,
  SessionPhoto,
  SessionPhotos,
  SessionProgress,
} from '@pave/domain';
import express, { type Express } from 'express';
import { createAuthenticate } from './http/authenticate.js';
import { createErrorHandler, notFound } from './http/error-handler.js';
import { createHttpMetrics, type HttpMetrics } from './http/metrics.js';
import { createRequestObserver } from './http/observe-requests.js';
import { createRequestId } from './http/request-id.js';
import { createWebAppRouter } from './http/web-app.js';
import type { Logger } from './logger.js';
import { buildOpenApiDocument, type NamedSchemas, type OpenApiDocument } from './openapi/openapi-document.js';
import { createOpenApiRouter, openApiRouteDocs } from './openapi/openapi.router.js';
import type { RouteDoc } from './openapi/route-doc.js';
import { createOpsRouter, HealthResponse, opsRouteDocs, ReadyResponse } from './ops/ops.router.js';
import type { RandomInt } from './sessions/session-key.js';
import { sessionsRouteDocs } from './sessions/sessions.docs.js';
import { createSessionsRouter } from './sessions/sessions.router.js';
import { createSessionsService } from './sessions/sessions.service.js';
import type { Repository } from './storage/repository.js';

/** Everything the app needs from outside: storage, logging, settings, and (in tests) the clock and randomness. */
export type AppDeps = {
  readonly repo: Repository;
  readonly logger: Logger;
  /** Absolute base of every URL handed out, without a trailing slash. */
  readonly publicBaseUrl: string;
  /** Folder of the built web app; null or missing serves a "not built" page. */
  readonly webDist?: string | null;
  readonly now?: () => Date;
  readonly randomInt?: RandomInt;
  readonly metrics?: HttpMetrics;
};

/** Every documented route; a test checks this list against the routes the app really has. */
export const routeDocs: readonly RouteDoc[] = [...sessionsRouteDocs, ...opsRouteDocs, ...openApiRouteDocs];

/** The schemas listed under `components.schemas`, by name. */
export const namedSchemas: NamedSchemas = {
  CreateSessionRequest,
  Session,
  SessionList,
  DeleteSessionResponse,
  SessionPhoto,
  SessionPhotos,
  SessionProgress,
  ApiErrorBody,
  HealthResponse,
  ReadyResponse,
};

/** The OpenAPI document of this app. */
export function createOpenApiDocument(): OpenApiDocument {
  return buildOpenApiDocument({
    title: 'PAVE-compatible Sessions API',
    version: '1.0.0',
    routes: routeDocs,
    schemas: namedSchemas,
  });
}

/** The HTTP app: request ids, metrics and logs, the routers, then 404 and the error handler. Never listens. */
export function createApp(deps: AppDeps): Express {
  const now = deps.now ?? (() => new Date());
  const metrics = deps.metrics ?? createHttpMetrics();
  const service = createSessionsService({
    repo: deps.repo,
    now,
    randomInt: deps.randomInt ?? cryptoRandomInt,
    publicBaseUrl: deps.publicBaseUrl,
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(createRequestId(deps.logger), createRequestObserver(metrics, deps.logger));
  app.use(createSessionsRouter(service, createAuthenticate(deps.repo.accounts, now)));
  app.use(createOpsRouter({ repo: deps.repo, metrics, logger: deps.logger }));
  app.use(createOpenApiRouter(createOpenApiDocument()));
  app.use(createWebAppRouter(deps.webDist ?? null));
  app.use(notFound);
  app.use(createErrorHandler(deps.logger));
  return app;
}
