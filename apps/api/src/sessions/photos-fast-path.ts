import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateRequest } from '../http/authenticate.js';
import { sendTaggedJson } from '../http/entity-tag.js';
import { errorAnswerOf } from '../http/error-handler.js';
import type { HttpMetrics } from '../http/metrics.js';
import { loggedPathOf, recordRequest, whenAnswered } from '../http/observe-requests.js';
import { enforceRateLimit, type RateLimiter } from '../http/rate-limit.js';
import { requestIdOf } from '../http/request-id.js';
import { valueOrProblem } from '../http/problem-table.js';
import { sessionKeyOrNotFound } from '../http/route-helpers.js';
import type { Logger } from '../logger.js';
import type { AccountStore } from '../storage/repository.js';
import { sessionsProblems } from './sessions.router.js';
import type { SessionsService } from './sessions.service.js';
import type { SecurityHeaders } from '../http/security-headers.js';

// `GET /v1/sessions/:session_key/photos` is what integrators poll. It is answered here, on the bare node:http
// request, before Express, without the per-request cost of Express's router, through the very functions the
// Express route in sessions.router.ts uses (which still serves HEAD and anything this path does not match): the
// same authentication, rate limit, error answers, request id, metrics and log line. photos-fast-path.spec.ts
// sends the same requests to both and compares the answers.

const route = '/v1/sessions/:session_key/photos';
const photosPath = /^\/v1\/sessions\/([A-Za-z0-9-]{1,64})\/photos(?:\?[^#]*)?$/;

/** What the fast path needs: the very objects the Express app uses. */
export type PhotosFastPathDeps = {
  readonly service: Pick<SessionsService, 'photos'>;
  readonly accounts: AccountStore;
  readonly rateLimiter: RateLimiter;
  readonly now: () => Date;
  readonly metrics: HttpMetrics;
  readonly logger: Logger;
  /** The security headers of API answers (http/security-headers.ts), as Express sends them. */
  readonly securityHeaders: SecurityHeaders;
  /** The clock of request durations (tests); `process.hrtime.bigint` when missing. */
  readonly clock?: () => bigint;
};

/** Writes a JSON error answer the way Express's `res.json` does (same Content-Type, Content-Length). */
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
  });
  res.end(bytes);
}

async function photosOf(deps: PhotosFastPathDeps, req: IncomingMessage, res: ServerResponse, rawKey: string) {
  const account = await authenticateRequest(req, deps.accounts, deps.now());
  await enforceRateLimit(deps.rateLimiter, account.apiKey, (name, value) => res.setHeader(name, value));
  return valueOrProblem(await deps.service.photos(account, sessionKeyOrNotFound(rawKey)), sessionsProblems);
}

/**
 * Returns a request listener that answers `GET …/photos` and returns true, or returns false (and touches
 * nothing) for every other request.
 */
export function createPhotosFastPath(deps: PhotosFastPathDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  const clock = deps.clock ?? process.hrtime.bigint;
  return (req, res) => {
    // a browser signed in with a cookie (no API-Key header) is served by the Express route, which knows cookies
    if (req.method !== 'GET' || req.headers['api-key'] === undefined) return false;
    const match = photosPath.exec(req.url ?? '');
    if (!match?.[1]) return false;
    const started = clock();
    const requestId = requestIdOf(req);
    // the request's child logger is made only when something is logged (not at all under LOG_LEVEL=warn)
    const log = () => deps.logger.child({ requestId });
    res.setHeader('X-Request-Id', requestId);
    for (const [name, value] of Object.entries(deps.securityHeaders)) res.setHeader(name, value);
    whenAnswered(res, started, clock, (aborted, seconds) => {
      const record = {
        method: 'GET',
        route,
        path: loggedPathOf(req.url ?? ''),
        status: res.statusCode,
        seconds,
        aborted,
      };
      recordRequest(deps.metrics, deps.logger, record, log);
    });
    photosOf(deps, req, res, match[1]).then(
      (photos) => sendTaggedJson(req, res, photos),
      (error: unknown) => {
        const answer = errorAnswerOf(error, 'pave', log());
        for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
        sendJson(res, answer.status, answer.body);
      },
    );
    return true;
  };
}
