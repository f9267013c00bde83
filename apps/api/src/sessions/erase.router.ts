import { DeleteSessionResponse, SessionKey, sessionErasedMessage, sessionNotFoundMessage } from '@pave/domain';
import { type RequestHandler, Router } from 'express';
import { ApiProblem } from '../http/api-problem.js';
import { methodNotAllowed } from '../http/error-handler.js';
import { accountOf } from '../http/request-context.js';
import { errorStyle, sessionKeyOrNotFound } from '../http/route-helpers.js';
import { refusal, routeGroup, type RouteDoc } from '../openapi/route-doc.js';
import { eraseSession, type EraseDeps } from './erase-session.js';

/** `POST /v1/sessions/:session_key/erase`, behind `guard` (authentication, then the rate limit). */
export function createEraseRouter(deps: EraseDeps, guard: readonly RequestHandler[]): Router {
  const router = Router();
  router
    .route('/v1/sessions/:session_key/erase')
    .post(errorStyle('extended'), ...guard, async (req, res) => {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const row = await deps.repo.sessions.findByKey(sessionKey, { accountId: accountOf(res).id });
      const erased = row ? await eraseSession(deps, row.id, 'request') : null;
      if (!erased) throw new ApiProblem('not_found', sessionNotFoundMessage(sessionKey));
      res.json({ message: sessionErasedMessage(sessionKey) } satisfies DeleteSessionResponse);
    })
    .all(methodNotAllowed(['POST']));
  return router;
}

/** The route of erase.router.ts. */
export const eraseRouteDocs: readonly RouteDoc[] = routeGroup(
  {
    tag: 'Sessions',
    auth: true,
    pathParams: { session_key: { schema: SessionKey, description: 'The session key, `AAA-XXXXXXXXXX`.' } },
  },
  [
    {
      method: 'post',
      path: '/v1/sessions/:session_key/erase',
      operationId: 'eraseSession',
      summary: 'Erase a session for good',
      description:
        'Our extension, for privacy requests: in any status, the session is deleted with its photos (from the image ' +
        'store), notes and events, and its capture link stops working. Only a tombstone (key, time, counts) is kept. ' +
        'Afterwards the session is unknown (404) everywhere. A signed-in person needs the admin role; HMAC-signed ' +
        'requests may erase.',
      responses: {
        200: { description: '`Session <key> has been erased.`', schema: DeleteSessionResponse },
        401: refusal('Missing or invalid credentials.'),
        403: refusal('A signed-in person without the admin role.'),
        404: refusal('No such session of this account (or it was erased already).'),
      },
    },
  ],
);
