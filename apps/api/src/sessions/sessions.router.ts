import {
  CreateSessionRequest,
  ListSessionsQuery,
  sessionNotFoundMessage,
  sessionStartedMessage,
  type Result,
  type SessionKey,
} from '@pave/domain';
import { type RequestHandler, Router } from 'express';
import { ApiProblem } from '../http/api-problem.js';
import { methodNotAllowed } from '../http/error-handler.js';
import { parseOrThrow } from '../http/parse-or-throw.js';
import { accountOf } from '../http/request-context.js';
import { errorStyle, foundOrNotFound, jsonBody, sessionKeyOrNotFound } from '../http/route-helpers.js';
import type { AccountRow } from '../storage/repository.js';
import type { SessionNotFound, SessionsService } from './sessions.service.js';

/** Answers a GET of one session's resource (the session, its photos, its progress) with what `read` finds. */
function readSession<T>(
  read: (account: AccountRow, sessionKey: SessionKey) => Promise<Result<T, SessionNotFound>>,
): RequestHandler<{ session_key: string }> {
  return async (req, res) => {
    res.json(foundOrNotFound(await read(accountOf(res), sessionKeyOrNotFound(req.params.session_key))));
  };
}

const pave = errorStyle('pave');
const ours = errorStyle('extended');

/** The Sessions API routes (see sessions.docs.ts); every one behind `guard` (authentication, then the rate limit). */
export function createSessionsRouter(service: SessionsService, guard: readonly RequestHandler[]): Router {
  const router = Router();
  router
    .route('/v1/sessions')
    .post(pave, ...guard, ...jsonBody, async (req, res) => {
      const request = parseOrThrow(CreateSessionRequest, req.body ?? {}, 'session');
      res.status(200).json(await service.create(accountOf(res), request));
    })
    .get(ours, ...guard, async (req, res) => {
      const query = parseOrThrow(ListSessionsQuery, req.query, 'query');
      const result = await service.list(accountOf(res), query);
      if (!result.ok) throw new ApiProblem('invalid_request', 'Invalid query: cursor is not one this API gave out.');
      res.json(result.value);
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));
  router
    .route('/v1/sessions/:session_key')
    .get(pave, ...guard, readSession(service.get))
    .delete(pave, ...guard, async (req, res) => {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const result = await service.remove(accountOf(res), sessionKey);
      if (result.ok) {
        res.json(result.value);
        return;
      }
      if (result.error.code === 'session_started') {
        throw new ApiProblem('session_started', sessionStartedMessage(sessionKey));
      }
      throw new ApiProblem('not_found', sessionNotFoundMessage(sessionKey));
    })
    .all(methodNotAllowed(['DELETE', 'GET', 'HEAD']));
  router
    .route('/v1/sessions/:session_key/photos')
    .get(pave, ...guard, readSession(service.photos))
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/v1/sessions/:session_key/progress')
    .get(ours, ...guard, readSession(service.progress))
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
