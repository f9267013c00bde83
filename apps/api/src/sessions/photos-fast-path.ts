import type { IncomingMessage, ServerResponse } from 'node:http';
import { authErrorMessage, authHeaderNames, SessionKey, sessionNotFoundMessage, type ApiErrorBody } from '@pave/domain';
import { checkApiCredentials } from '../accounts/check-api-credentials.js';
import { statusOfCode, toApiProblem } from '../http/error-handler.js';
import { enforceRateLimit, type RateLimiter } from '../http/rate-limit.js';
import type { HttpMetrics } from '../http/metrics.js';
import { requestIdOf } from '../http/request-id.js';
import type { Logger } from '../logger.js';
import type { AccountStore } from '../storage/repository.js';
import type { createSessionsService } from './sessions.service.js';

// `GET /v1/sessions/:session_key/photos` is what integrators poll. It is answered here, on the bare node:http
// request, before Express: the same auth, answers, request id, metrics and logs as the Express route in
// sessions.router.ts (which still serves HEAD and anything this path does not match), without the per-request
// cost of Express's router. The contract tests run through this path.

const route = '/v1/sessions/:session_key/photos';
const photosPath = /^\/v1\/sessions\/([A-Za-z0-9-]{1,64})\/photos(?:\?[^#]*)?$/;

/** What the fast path needs: the very objects the Express app uses. */
export type PhotosFastPathDeps = {
  readonly service: Pick<ReturnType<typeof createSessionsService>, 'photos'>;
  readonly accounts: AccountStore;
  readonly rateLimiter: RateLimiter;
  readonly now: () => Date;
  readonly metrics: HttpMetrics;
  readonly logger: Logger;
};

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The JSON bytes of photos answers already sent. The sessions service hands out the same (never changed) array
 * for a session until its `photos_version` moves (photos-cache.ts), so polling one session serialises it once.
 */
const serialized = new WeakMap<object, Buffer>();

function toJson(body: unknown): Buffer {
  if (!Array.isArray(body)) return Buffer.from(JSON.stringify(body));
  let bytes = serialized.get(body);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(body));
    serialized.set(body, bytes);
  }
  return bytes;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const bytes = toJson(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
  });
  res.end(bytes);
}

async function answer(
  deps: PhotosFastPathDeps,
  req: IncomingMessage,
  res: ServerResponse,
  rawKey: string,
): Promise<[number, unknown]> {
  const headers = {
    apiKey: header(req, authHeaderNames.apiKey),
    token: header(req, authHeaderNames.token),
    timestamp: header(req, authHeaderNames.timestamp),
  };
  const auth = await checkApiCredentials(headers, deps.accounts, deps.now());
  if (!auth.ok) return [401, { message: authErrorMessage(auth.error) }];
  await enforceRateLimit(deps.rateLimiter, auth.value.apiKey, (name, value) => res.setHeader(name, value));
  const key = SessionKey.safeParse(rawKey);
  if (!key.success) return [404, { message: sessionNotFoundMessage(rawKey) }];
  const photos = await deps.service.photos(auth.value, key.data);
  return photos.ok ? [200, photos.value] : [404, { message: sessionNotFoundMessage(key.data) }];
}

function failure(error: unknown, res: ServerResponse, log: Logger): [number, ApiErrorBody] {
  const problem = toApiProblem(error);
  if (problem) {
    if (problem.retryAfterSeconds !== null) res.setHeader('Retry-After', String(problem.retryAfterSeconds));
    return [statusOfCode[problem.code], { message: problem.message }];
  }
  log.error({ err: error }, 'unexpected error');
  return [500, { message: 'Internal server error.' }];
}

/**
 * Returns a request listener that answers `GET …/photos` and returns true, or returns false (and touches
 * nothing) for every other request.
 */
export function createPhotosFastPath(deps: PhotosFastPathDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'GET') return false;
    const match = photosPath.exec(req.url ?? '');
    if (!match?.[1]) return false;
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(header(req, 'X-Request-Id'));
    // the request's child logger is made only when something is logged (not at all under LOG_LEVEL=warn)
    const log = () => deps.logger.child({ requestId });
    res.setHeader('X-Request-Id', requestId);
    const finish = ([status, body]: [number, unknown]) => {
      send(res, status, body);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      deps.metrics.observe({ method: 'GET', route, status, seconds });
      if (!deps.logger.isLevelEnabled('info')) return;
      const path = (req.url ?? '').split('?')[0]?.slice(0, 256);
      log().info({ method: 'GET', route, path, status, ms: Math.round(seconds * 1000), aborted: false }, 'request');
    };
    answer(deps, req, res, match[1]).then(finish, (error: unknown) => finish(failure(error, res, log())));
    return true;
  };
}
