import { sessionNotFoundMessage, StreamPosition, type SessionKey } from '@pave/domain';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import { ApiProblem } from '../http/api-problem.js';
import { hidesCaptureTokens } from '../http/capture-link-visibility.js';
import { methodNotAllowed } from '../http/error-handler.js';
import { accountOf } from '../http/request-context.js';
import { errorStyle, sessionKeyOrNotFound } from '../http/route-helpers.js';
import type { Logger } from '../logger.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { createCaptureTokenReveal, type RevealCaptureToken } from '../sessions/reveal-capture-token.js';
import { findOwnSession } from '../sessions/find-own-session.js';
import type { Repository } from '../storage/repository.js';
import { createAccountPump, createCoalescedRunner, createSessionPump } from './event-pumps.js';
import { startEventStream, type EventStream, type EventStreamOptions } from './event-stream.js';
import type { StreamHub, StreamScope } from './stream-hub.js';

/** What the event routes need. */
export type EventsRouterDeps = {
  readonly repo: Repository;
  readonly hub: StreamHub;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly stream: EventStreamOptions;
  /** Opens the sealed capture tokens that `SESSION:COMPLETE` bodies carry to readers who may see them. */
  readonly secretBox: SecretBox;
};

/** The reader's position from `Last-Event-ID` (null when absent); a malformed one is a 400. */
function positionOf(req: Request): number | null {
  const header = req.get('Last-Event-ID');
  if (header === undefined || header === '') return null;
  const parsed = StreamPosition.safeParse(header.trim());
  if (!parsed.success) {
    throw new ApiProblem('invalid_request', 'Invalid Last-Event-ID: expected the id of an event read (digits).');
  }
  return Number(parsed.data);
}

/** How long a refused stream should wait before trying again. */
const busyRetrySeconds = 5;

/**
 * Admits a stream within the hub's caps (429 over them, 503 when notices cannot be heard), starts the
 * `text/event-stream` answer and runs `pump` at once and on every notice in scope, until the stream ends.
 */
async function serveStream(
  deps: EventsRouterDeps,
  req: Request,
  res: Response,
  scope: StreamScope,
  pumpOf: (stream: EventStream) => () => Promise<void>,
): Promise<void> {
  if (req.method === 'HEAD') {
    res.status(200).type('text/event-stream').end();
    return;
  }
  let wake: () => void = () => undefined;
  let stream: EventStream | null = null;
  const admitted = deps.hub.admit(scope, { wake: () => wake(), close: () => stream?.end('shutdown') });
  if (!admitted.ok) {
    const limit = admitted.error.limit === 'account' ? 'for this account' : 'on this server';
    throw new ApiProblem('rate_limited', `Too many event streams are open ${limit}; close one or try again later.`, {
      retryAfterSeconds: busyRetrySeconds,
    });
  }
  try {
    await deps.hub.ready();
  } catch (error) {
    admitted.value.release();
    throw new ApiProblem('unavailable', 'Live events are unavailable right now; try again in a moment.', {
      cause: error,
      retryAfterSeconds: busyRetrySeconds,
    });
  }
  const log = res.locals.log ?? deps.logger;
  const opened = startEventStream(res, deps.stream, (why) => {
    admitted.value.release();
    if (why === 'slow_reader') log.info({ scope: scope.sessionKey ?? 'account' }, 'event stream cut: slow reader');
  });
  stream = opened;
  wake = createCoalescedRunner(pumpOf(opened), (error) => {
    log.warn({ err: error }, 'event stream failed; the reader resumes when it reconnects');
    opened.end('finished');
  });
  wake();
}

/**
 * Events are stored without capture tokens; a reader who may see them gets `SESSION:COMPLETE` with its link's token
 * back, a viewer as stored (see capture-link-visibility.ts).
 */
function revealFor(deps: EventsRouterDeps, res: Response): { reveal?: RevealCaptureToken } {
  return hidesCaptureTokens(res) ? {} : { reveal: createCaptureTokenReveal(deps.repo.sessions, deps.secretBox) };
}

/** `GET /v1/sessions/:session_key/events` and `GET /v1/events` (see events.docs.ts), behind `guard`. */
export function createEventsRouter(deps: EventsRouterDeps, guard: readonly RequestHandler[]): Router {
  const router = Router();
  const ours = errorStyle('extended');
  router
    .route('/v1/sessions/:session_key/events')
    .get(ours, ...guard, async (req, res) => {
      const sessionKey: SessionKey = sessionKeyOrNotFound(req.params.session_key);
      const afterSeq = positionOf(req) ?? 0;
      const account = accountOf(res);
      const session = await findOwnSession(deps, account, sessionKey);
      if (!session) throw new ApiProblem('not_found', sessionNotFoundMessage(sessionKey));
      const target = {
        repo: deps.repo,
        accountId: account.id,
        sessionId: session.id,
        sessionKey,
        afterSeq,
        ...revealFor(deps, res),
      };
      await serveStream(deps, req, res, { accountId: account.id, sessionKey }, (stream) =>
        createSessionPump(target, stream),
      );
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/v1/events')
    .get(ours, ...guard, async (req, res) => {
      const account = accountOf(res);
      // a new reader starts with what is recorded once its answer begins
      const afterId = positionOf(req) ?? (await deps.repo.events.lastIdOfAccount(account.id));
      const target = { repo: deps.repo, accountId: account.id, afterId, ...revealFor(deps, res) };
      await serveStream(deps, req, res, { accountId: account.id, sessionKey: null }, (stream) =>
        createAccountPump(target, stream),
      );
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
