import {
  AddNoteRequest,
  CreateSessionRequest,
  InvalidateSessionRequest,
  ListSessionsQuery,
  UpdateSessionRequest,
  alreadyInvalidMessage,
  invalidCursorMessage,
  sessionNotCompletedMessage,
  sessionUpdateRefusedMessage,
  sessionNotFoundMessage,
  sessionStartedMessage,
  type Result,
  type SessionKey,
} from '@pave/domain';
import { type RequestHandler, Router } from 'express';
import type { AuditTrail } from '../http/audit-trail.js';
import { hidesCaptureTokens, withoutNestedToken, withoutSessionToken } from '../http/capture-link-visibility.js';
import { sendTaggedJson } from '../http/entity-tag.js';
import { methodNotAllowed } from '../http/error-handler.js';
import { parseOrThrow } from '../http/parse-or-throw.js';
import { valueOrProblem, type ProblemTable } from '../http/problem-table.js';
import { accountOf } from '../http/request-context.js';
import { errorStyle, jsonBody, sessionKeyOrNotFound } from '../http/route-helpers.js';
import type { AccountRow } from '../storage/repository.js';
import type { SessionsError, SessionsService } from './sessions.service.js';

/** How each refusal of the sessions service is answered (the photos fast path answers with it too). */
export const sessionsProblems = {
  session_not_found: ['not_found', (error) => sessionNotFoundMessage(error.sessionKey)],
  session_started: ['session_started', (error) => sessionStartedMessage(error.sessionKey)],
  invalid_cursor: ['invalid_request', invalidCursorMessage],
  update_refused: ['update_refused', sessionUpdateRefusedMessage],
  sms_to_missing: ['update_refused', sessionUpdateRefusedMessage],
  update_conflict: ['invalid_transition', (error) => `Session ${error.sessionKey} kept changing; try again.`],
  already_invalid: ['invalid_transition', (error) => alreadyInvalidMessage(error.sessionKey)],
  session_not_completed: ['session_not_completed', sessionNotCompletedMessage],
} satisfies ProblemTable<SessionsError>;

/**
 * Answers a GET of one session's resource (the session, its photos, its progress) with what `read` finds, with
 * its `ETag` (a `304` when `If-None-Match` names it).
 */
function readSession<T>(
  read: (account: AccountRow, sessionKey: SessionKey) => Promise<Result<T, SessionsError>>,
  hideToken: (value: T) => T = (value) => value,
): RequestHandler<{ session_key: string }> {
  return async (req, res) => {
    const result = await read(accountOf(res), sessionKeyOrNotFound(req.params.session_key));
    const value = valueOrProblem(result, sessionsProblems);
    sendTaggedJson(req, res, hidesCaptureTokens(res) ? hideToken(value) : value);
  };
}

const pave = errorStyle('pave');
const ours = errorStyle('extended');

/** The Sessions API routes (see sessions.docs.ts); every one behind `guard` (authentication, then the rate limit). */
export function createSessionsRouter(
  service: SessionsService,
  guard: readonly RequestHandler[],
  audit: AuditTrail,
): Router {
  const router = Router();
  router
    .route('/v1/sessions')
    .post(pave, ...guard, ...jsonBody, async (req, res) => {
      const request = parseOrThrow(CreateSessionRequest, req.body ?? {}, 'session');
      res.status(200).json(await service.create(accountOf(res), request));
    })
    .get(ours, ...guard, async (req, res) => {
      const query = parseOrThrow(ListSessionsQuery, req.query, 'query');
      const list = valueOrProblem(await service.list(accountOf(res), query), sessionsProblems);
      res.json(hidesCaptureTokens(res) ? { ...list, sessions: list.sessions.map(withoutSessionToken) } : list);
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));
  router
    .route('/v1/sessions/:session_key')
    .get(pave, ...guard, readSession(service.get, withoutSessionToken))
    .put(pave, ...guard, ...jsonBody, async (req, res) => {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const request = parseOrThrow(UpdateSessionRequest, req.body ?? {}, 'update');
      const updated = valueOrProblem(await service.update(accountOf(res), sessionKey, request), sessionsProblems);
      await audit(res, 'session.update', sessionKey, Object.keys(request).join(', '));
      res.json(updated);
    })
    .delete(pave, ...guard, async (req, res) => {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const removed = valueOrProblem(await service.remove(accountOf(res), sessionKey), sessionsProblems);
      await audit(res, 'session.delete', sessionKey);
      res.json(removed);
    })
    .all(methodNotAllowed(['DELETE', 'GET', 'HEAD', 'PUT']));
  router
    .route('/v1/sessions/:session_key/photos')
    .get(pave, ...guard, readSession(service.photos))
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/v1/sessions/:session_key/results')
    .get(pave, ...guard, readSession(service.results, withoutNestedToken))
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/v1/sessions/:session_key/notes')
    .get(pave, ...guard, readSession(service.notes))
    .post(ours, ...guard, ...jsonBody, async (req, res) => {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const { note } = parseOrThrow(AddNoteRequest, req.body ?? {}, 'note');
      const author = res.locals.user?.email ?? accountOf(res).username;
      const added = valueOrProblem(await service.addNote(accountOf(res), sessionKey, note, author), sessionsProblems);
      await audit(res, 'note.add', sessionKey, note.slice(0, 200));
      res.status(201).json(added);
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));
  router
    .route('/v1/sessions/:session_key/invalidate')
    .post(ours, ...guard, ...jsonBody, async (req, res) => {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const { reason } = parseOrThrow(InvalidateSessionRequest, req.body ?? {}, 'invalidation');
      const invalid = valueOrProblem(await service.invalidate(accountOf(res), sessionKey, reason), sessionsProblems);
      await audit(res, 'session.invalidate', sessionKey, reason);
      res.json(invalid);
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/sessions/:session_key/progress')
    .get(ours, ...guard, readSession(service.progress))
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
