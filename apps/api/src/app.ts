import { randomInt as cryptoRandomInt } from 'node:crypto';
import {
  attemptLimits,
  callbackTestsPerMinute,
  type AttemptLimits,
  ApiErrorBody,
  Callback,
  CallbackList,
  CallbackEntry,
  CallbackMessage,
  CallbackSaved,
  CallbackTestResult,
  CompleteEvent,
  JsonValue,
  CreateCallbackRequest,
  Delivery,
  DeliveryList,
  NoteInsertEvent,
  SigningSecretResponse,
  StageChangeEvent,
  StatusChangeEvent,
  UpdateCallbackRequest,
  CaptureState,
  AddNoteRequest,
  CreateSessionRequest,
  InvalidateSessionRequest,
  SessionNote,
  SessionNotes,
  SessionResults,
  UpdateSessionRequest,
  ManualEntryRequest,
  SkipRequest,
  DeleteSessionResponse,
  Session,
  ListedSession,
  SessionList,
  SessionPhoto,
  SessionPhotos,
  SessionProgress,
} from '@pave/domain';
import type { RequestListener } from 'node:http';
import express, { type Express, type Router } from 'express';
import type { Registry } from 'prom-client';
import { captureRouteDocs, PhotoUpload } from './capture/capture.docs.js';
import { createCaptureRouter } from './capture/capture.router.js';
import { callbacksRouteDocs, callbackWebhookDocs } from './callbacks/callbacks.docs.js';
import { createCallbacksRouter } from './callbacks/callbacks.router.js';
import { createCallbacksService } from './callbacks/callbacks.service.js';
import { createCallbackTestService } from './callbacks/callback-test.service.js';
import { createCaptureService } from './capture/capture.service.js';
import { createCaptureBudgets, type CaptureBudgetLimits } from './capture/capture-budgets.js';
import type { DefaultImages } from './capture/default-images.js';
import { createImagesRouter } from './capture/images.router.js';
import { createFairScheduler } from './capture/fair-scheduler.js';
import type { UploadPace } from './capture/read-upload.js';
import { createUploadAdmission } from './capture/upload-admission.js';
import { createAuthenticate } from './http/authenticate.js';
import { createRateLimiter, createRateLimitMiddleware } from './http/rate-limit.js';
import { createErrorHandler, notFound } from './http/error-handler.js';
import { createHttpMetrics, type HttpMetrics } from './http/metrics.js';
import { createRequestObserver } from './http/observe-requests.js';
import { createRequestId } from './http/request-id.js';
import { createSecurityHeaderPicker, createSecurityHeaders } from './http/security-headers.js';
import { createWebAppRouter } from './http/web-app.js';
import type { Logger } from './logger.js';
import { buildOpenApiDocument, type NamedSchemas, type OpenApiDocument } from './openapi/openapi-document.js';
import { createOpenApiRouter, openApiRouteDocs } from './openapi/openapi.router.js';
import type { RouteDoc } from './openapi/route-doc.js';
import { createOpsRouter, HealthResponse, opsRouteDocs, ReadyResponse } from './ops/ops.router.js';
import type { ImageStore } from './images/image-store.js';
import { defaultQaSettings, type QaSettings } from './qa/qa-settings.js';
import type { RandomInt } from './sessions/session-key.js';
import { sessionsRouteDocs } from './sessions/sessions.docs.js';
import { createSessionsRouter } from './sessions/sessions.router.js';
import { createEraseRouter, eraseRouteDocs } from './sessions/erase.router.js';
import { photosArchiveRouteDocs } from './sessions/photos-archive.docs.js';
import { createPhotosArchiveRouter } from './sessions/photos-archive.router.js';
import { eventsRouteDocs } from './live/events.docs.js';
import { createEventsRouter } from './live/events.router.js';
import type { EventStreamOptions } from './live/event-stream.js';
import { createStreamHub, type StreamHub, type StreamLimits } from './live/stream-hub.js';
import { createPhotosFastPath } from './sessions/photos-fast-path.js';
import { createSessionsService } from './sessions/sessions.service.js';
import { defaultMaxPendingUploads, defaultQaConcurrency, defaultUploadPace, defaultUploadShares } from './config.js';
import { createCachedAccountStore } from './accounts/cached-account-store.js';
import { createAuditTrail } from './http/audit-trail.js';
import { authorizeByRoute } from './http/authorize.js';
import { withExtraApiKeys } from './people/account-keys.js';
import { createSealedApiKeyStore } from './people/sealed-api-key-store.js';
import type { ApiKeyStore } from './storage/people-repository.js';
import { createApiKeysService } from './people/api-keys.service.js';
import { createAuthService } from './people/auth.service.js';
import { peopleRouteDocs, peopleSchemas } from './people/people.docs.js';
import { createPeopleRouter, type PeopleRouterDeps } from './people/people.router.js';
import { createUsersService } from './people/users.service.js';
import { createSealedAccountStore } from './accounts/sealed-account-store.js';
import type { SecretBox } from './secrets/secret-box.js';
import type { Repository } from './storage/repository.js';

/** Everything the app needs from outside: storage, logging, settings, and (in tests) the clock and randomness. */
export type AppDeps = {
  readonly repo: Repository;
  readonly logger: Logger;
  /** Requests per minute per API key on `/v1/sessions…` (0 or absent: no limit). */
  readonly rateLimitPerMinute?: number;
  /** How many sessions' photos answers each instance keeps (0: none; default 2000). */
  readonly photosCacheSessions?: number;
  /** How long an API key's account is reused without asking storage (0: always ask). */
  readonly accountCacheMs?: number;
  /** Absolute base of every URL handed out, without a trailing slash. */
  readonly publicBaseUrl: string;
  /** Seals what is kept secret at rest (capture tokens); see secrets/secret-box.ts. */
  readonly secretBox: SecretBox;
  /** Folder of the built web app; null or missing serves a "not built" page. */
  readonly webDist?: string | null;
  readonly now?: () => Date;
  readonly randomInt?: RandomInt;
  readonly metrics?: HttpMetrics;
  /** Where uploaded images are stored (`<PAVE_DATA_DIR>/images`, or a bucket). */
  readonly images: ImageStore;
  /** `GET /images/…` streams images through (the default) or redirects to presigned URLs (buckets only). */
  readonly imageRedirect?: 'stream' | 'presigned';
  /** The placeholder images of typed-in values, rendered at start-up. */
  readonly defaultImages: DefaultImages;
  /** Image limits and QA thresholds; `defaultQaSettings` when missing. */
  readonly qaSettings?: QaSettings;
  /** Uploads decoded and judged at once; twice the number of CPUs when missing. */
  readonly qaConcurrency?: number;
  /** Weight of the uploads read or processed at once before new ones get 503 (a 12 MP one weighs 2.5); 20 per CPU when missing. */
  readonly maxPendingUploads?: number;
  /** Callback URLs on loopback or private addresses are accepted (`PAVE_WEBHOOK_ALLOW_PRIVATE`); false when missing. */
  readonly webhookAllowPrivate?: boolean;
  /** The deadline of a test send (`PAVE_WEBHOOK_TIMEOUT_MS`); 10 s when missing. */
  readonly webhookTimeoutMs?: number;
  /** Metrics registries rendered by `GET /metrics` after the HTTP ones (the webhook dispatcher's). */
  readonly metricRegistries?: readonly Registry[];
  /** Live event streams; when missing, a hub of this app with the default caps and timings. */
  readonly live?: LiveSettings;
  /** Uploads in progress at once per session (2 when missing) and per client address (0: no limit; 8 when missing). */
  readonly uploadShares?: { readonly perSession: number; readonly perAddress: number };
  /** The slowest upload body the server keeps reading (120 s in all, 16 KiB/s over every 10 s when missing). */
  readonly uploadPace?: UploadPace;
  /** Budgets per minute of the capture and image routes (none when missing; main.ts passes the settings'). */
  readonly captureBudgets?: CaptureBudgetLimits;
  /** Attempt caps per step and per session; the domain's `attemptLimits` when missing. */
  readonly attemptLimits?: AttemptLimits;
  /** The most image bytes one account keeps (0 or missing: no quota). */
  readonly storageQuotaBytes?: number;
};

const noBudgets: CaptureBudgetLimits = {
  perSession: 0,
  capturePerAddress: 0,
  imagesPerAddress: 0,
  notFoundPerAddress: 0,
};

/** The live event streams: the hub holding them (main.ts closes them on SIGTERM) and how each writes. */
export type LiveSettings = { readonly hub: StreamHub } & Partial<EventStreamOptions>;

/** Streams per account and per instance when nothing else is said. */
export const defaultStreamLimits: StreamLimits = { perAccount: 100, perInstance: 5000 };

/** How a stream writes when nothing else is said: a heartbeat after 15 s of silence, at most 256 KiB unsent. */
const defaultStreamOptions: EventStreamOptions = { heartbeatMs: 15_000, maxBufferedBytes: 256 * 1024, retryMs: 1000 };

/** Every documented route; a test checks this list against the routes the app really has. */
export const routeDocs: readonly RouteDoc[] = [
  ...sessionsRouteDocs,
  ...eraseRouteDocs,
  ...photosArchiveRouteDocs,
  ...callbacksRouteDocs,
  ...eventsRouteDocs,
  ...peopleRouteDocs,
  ...captureRouteDocs,
  ...opsRouteDocs,
  ...openApiRouteDocs,
];

/** The schemas listed under `components.schemas`, by name. */
export const namedSchemas: NamedSchemas = {
  CreateSessionRequest,
  UpdateSessionRequest,
  Session,
  SessionResults,
  SessionNote,
  SessionNotes,
  AddNoteRequest,
  InvalidateSessionRequest,
  ListedSession,
  SessionList,
  DeleteSessionResponse,
  SessionPhoto,
  SessionPhotos,
  SessionProgress,
  CaptureState,
  ManualEntryRequest,
  SkipRequest,
  PhotoUpload,
  ApiErrorBody,
  HealthResponse,
  ReadyResponse,
  Callback,
  CallbackList,
  CallbackEntry,
  CallbackSaved,
  CallbackMessage,
  CreateCallbackRequest,
  UpdateCallbackRequest,
  SigningSecretResponse,
  Delivery,
  DeliveryList,
  CallbackTestResult,
  StageChangeEvent,
  StatusChangeEvent,
  CompleteEvent,
  NoteInsertEvent,
  JsonValue,
  ...peopleSchemas,
};

/** The OpenAPI document of this app. */
export function createOpenApiDocument(): OpenApiDocument {
  return buildOpenApiDocument({
    title: 'PAVE-compatible Sessions API',
    version: '1.0.0',
    routes: routeDocs,
    schemas: namedSchemas,
    webhooks: callbackWebhookDocs,
  });
}

/** The capture routes (`/v1/capture/…`) and the image routes (`/images/…`). */
function createCaptureRouters(deps: AppDeps, now: () => Date): Router[] {
  const qaSettings = deps.qaSettings ?? defaultQaSettings;
  const capture = createCaptureService({
    repo: deps.repo,
    images: deps.images,
    now,
    publicBaseUrl: deps.publicBaseUrl,
    secretBox: deps.secretBox,
    qaSettings,
    qaSlots: createFairScheduler(deps.qaConcurrency ?? defaultQaConcurrency()),
    attemptLimits: deps.attemptLimits ?? attemptLimits,
    storageQuotaBytes: deps.storageQuotaBytes ?? 0,
  });
  const budgets = createCaptureBudgets({
    store: deps.repo.rateLimits,
    limits: deps.captureBudgets ?? noBudgets,
    now,
  });
  const admission = createUploadAdmission({
    capacity: deps.maxPendingUploads ?? defaultMaxPendingUploads(),
    ...(deps.uploadShares ?? defaultUploadShares),
  });
  const pace = deps.uploadPace ?? defaultUploadPace;
  return [
    createCaptureRouter(capture, { maxInputBytes: qaSettings.maxInputBytes, admission, pace, now, budgets }),
    createImagesRouter(deps.images, deps.defaultImages, { redirect: deps.imageRedirect ?? 'stream', budgets }),
  ];
}

/** The services of people and roles (issue 19) and how their cookie is set. */
function createPeopleServices(deps: AppDeps, now: () => Date, apiKeys: ApiKeyStore): PeopleRouterDeps {
  const { repo } = deps;
  const stores = { users: repo.users, accounts: repo.accounts, audit: repo.audit, now };
  return {
    auth: createAuthService({ ...stores, rateLimits: repo.rateLimits }),
    users: createUsersService({ ...stores, publicBaseUrl: deps.publicBaseUrl }),
    apiKeys: createApiKeysService({ ...stores, apiKeys }),
    secureCookies: deps.publicBaseUrl.startsWith('https://'),
  };
}

/** The Express app and the fast path for `GET …/photos`, sharing one service, metrics and account lookup. */
function assemble(deps: AppDeps): { app: Express; photosFastPath: ReturnType<typeof createPhotosFastPath> } {
  const now = deps.now ?? (() => new Date());
  const metrics = deps.metrics ?? createHttpMetrics(deps.metricRegistries ?? []);
  const sealed = createSealedAccountStore(deps.repo.accounts, deps.secretBox);
  const apiKeys = createSealedApiKeyStore(deps.repo.apiKeys, deps.secretBox);
  const accounts = createCachedAccountStore(withExtraApiKeys(sealed, apiKeys), deps.accountCacheMs ?? 0);
  const service = createSessionsService({
    repo: deps.repo,
    now,
    randomInt: deps.randomInt ?? cryptoRandomInt,
    publicBaseUrl: deps.publicBaseUrl,
    secretBox: deps.secretBox,
    ...(deps.photosCacheSessions === undefined ? {} : { photosCacheSessions: deps.photosCacheSessions }),
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(createRequestId(deps.logger), createRequestObserver(metrics, deps.logger));
  const securityHeadersOf = createSecurityHeaderPicker({ publicBaseUrl: deps.publicBaseUrl });
  app.use(createSecurityHeaders(securityHeadersOf));
  const rateLimiter = createRateLimiter({
    store: deps.repo.rateLimits,
    limitPerMinute: deps.rateLimitPerMinute ?? 0,
    now,
  });
  const people = createPeopleServices(deps, now, apiKeys);
  const authenticate = createAuthenticate({ accounts, now, cookies: people.auth, secureCookies: people.secureCookies });
  const rateLimit = createRateLimitMiddleware(rateLimiter);
  const guard = [authenticate, authorizeByRoute, rateLimit];
  app.use(createPeopleRouter(people, [authenticate, rateLimit]));
  app.use(createSessionsRouter(service, guard, createAuditTrail(deps.repo.audit, now)));
  app.use(createEraseRouter({ repo: deps.repo, images: deps.images, now, logger: deps.logger }, guard));
  app.use(createPhotosArchiveRouter({ repo: deps.repo, images: deps.images, now, logger: deps.logger }, guard));
  const callbacks = createCallbacksService({
    repo: deps.repo,
    now,
    secretBox: deps.secretBox,
    allowPrivate: deps.webhookAllowPrivate ?? false,
  });
  const test = {
    send: createCallbackTestService({
      repo: deps.repo,
      now,
      secretBox: deps.secretBox,
      publicBaseUrl: deps.publicBaseUrl,
      allowPrivate: deps.webhookAllowPrivate ?? false,
      timeoutMs: deps.webhookTimeoutMs ?? 10_000,
    }),
    limiter: createRateLimiter({ store: deps.repo.rateLimits, limitPerMinute: callbackTestsPerMinute, now }),
    audit: createAuditTrail(deps.repo.audit, now),
  };
  app.use(createCallbacksRouter(callbacks, guard, test));
  const live = deps.live ?? { hub: createStreamHub(deps.repo.notices, defaultStreamLimits) };
  const stream = { ...defaultStreamOptions, ...live };
  app.use(
    createEventsRouter(
      { repo: deps.repo, hub: live.hub, now, logger: deps.logger, stream, secretBox: deps.secretBox },
      guard,
    ),
  );
  app.use(...createCaptureRouters(deps, now));
  app.use(createOpsRouter({ repo: deps.repo, images: deps.images, metrics, logger: deps.logger }));
  app.use(createOpenApiRouter(createOpenApiDocument()));
  app.use(createWebAppRouter(deps.webDist ?? null));
  app.use(notFound);
  app.use(createErrorHandler(deps.logger));
  const photosFastPath = createPhotosFastPath({
    service,
    accounts,
    rateLimiter,
    now,
    metrics,
    logger: deps.logger,
    securityHeaders: securityHeadersOf('/v1/sessions'),
  });
  return { app, photosFastPath };
}

/** The Express app alone: request ids, metrics and logs, the routers, then 404 and the error handler. Never listens. */
export function createApp(deps: AppDeps): Express {
  return assemble(deps).app;
}

/** What a server listens with: the fast path for `GET …/photos`, then the Express app for everything else. */
export function createRequestListener(deps: AppDeps): RequestListener {
  const { app, photosFastPath } = assemble(deps);
  return (req, res) => {
    if (!photosFastPath(req, res)) app(req, res);
  };
}
