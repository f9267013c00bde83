import { SessionKey, sessionNotFoundMessage } from '@pave/domain';
import express, { type RequestHandler, type Router } from 'express';
import { ApiProblem } from './api-problem.js';
import { methodNotAllowed } from './error-handler.js';
import type { ErrorStyle } from './request-context.js';

/** Largest JSON body accepted. */
export const jsonBodyLimit = '64kb';

/** Marks a route's error bodies: PAVE's routes answer `{message}` alone, ours add `code` and `details`. */
export function errorStyle(style: ErrorStyle): RequestHandler {
  return (_req, res, next) => {
    res.locals.errorStyle = style;
    next();
  };
}

const refuseNonJson: RequestHandler = (req, _res, next) => {
  // an empty body is allowed (every field of our JSON bodies is optional); any other body must be JSON
  const empty = req.get('Content-Length') === '0' || (!req.get('Content-Length') && !req.get('Transfer-Encoding'));
  if (!empty && !req.is('application/json')) {
    throw new ApiProblem('unsupported_media_type', 'Send the body as application/json.');
  }
  next();
};

/** Parses a JSON body (after auth, so unauthenticated callers cannot make the server parse anything). */
export const jsonBody: RequestHandler[] = [refuseNonJson, express.json({ limit: jsonBodyLimit })];

/** A session key from the path; a malformed one is the same 404 as an unknown one (PAVE: "cannot be found"). */
export function sessionKeyOrNotFound(raw: string): SessionKey {
  const parsed = SessionKey.safeParse(raw);
  if (!parsed.success) throw new ApiProblem('not_found', sessionNotFoundMessage(raw));
  return parsed.data;
}

/** Serves `GET` (and so `HEAD`) on `path` with `handler`; any other method is answered 405. */
export function serveGet(router: Router, path: string, handler: RequestHandler): void {
  router
    .route(path)
    .get(handler)
    .all(methodNotAllowed(['GET', 'HEAD']));
}
