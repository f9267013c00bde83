import { CreateSessionRequest, ListSessionsQuery, sessionNotFoundMessage, sessionStartedMessage } from '@pave/domain';
import { type RequestHandler, Router } from 'express';
import { ApiProblem } from '../http/api-problem.js';
import { methodNotAllowed } from '../http/error-handler.js';
import { parseOrThrow } from '../http/parse-or-throw.js';
import { accountOf } from '../http/request-context.js';
import { errorStyle, jsonBody, sessionKeyOrNotFound } from '../http/route-helpers.js';
import type { SessionsService } from './sessions.service.js';

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
    .get(pave, ...guard, async (req, res) => {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const result = await service.get(accountOf(res), sessionKey);
      if (!result.ok) throw new ApiProblem('not_found', sessionNotFoundMessage(sessionKey));
      res.json(result.value);
    })
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
    .get(pave, ...guard, async (req, res) => {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const result = await service.photos(accountOf(res), sessionKey);
      if (!result.ok) throw new ApiProblem('not_found', sessionNotFoundMessage(sessionKey));
      res.json(result.value);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/v1/sessions/:session_key/progress')
    .get(ours, ...guard, async (req, res) => {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const result = await service.progress(accountOf(res), sessionKey);
      if (!result.ok) throw new ApiProblem('not_found', sessionNotFoundMessage(sessionKey));
      res.json(result.value);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
