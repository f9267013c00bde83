import {
  AcceptInviteRequest,
  CreateApiKeyRequest,
  CreateInviteRequest,
  LoginRequest,
  loginRefusedMessage,
  UpdateUserRequest,
  type Done,
  type LoggedOutEverywhere,
  type SignedIn,
} from '@pave/domain';
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { ApiProblem } from '../http/api-problem.js';
import { actorNameOf } from '../http/audit-trail.js';
import { requireSignedInAdmin } from '../http/authorize.js';
import { methodNotAllowed } from '../http/error-handler.js';
import { parseOrThrow } from '../http/parse-or-throw.js';
import { valueOrProblem, type ProblemTable } from '../http/problem-table.js';
import { accountOf } from '../http/request-context.js';
import { errorStyle, jsonBody } from '../http/route-helpers.js';
import type { ApiKeysError, ApiKeysService } from './api-keys.service.js';
import type { AuthError, AuthService, NewSession } from './auth.service.js';
import { clearedSessionCookie, sessionCookie, sessionTokenOf } from './session-cookie.js';
import type { Actor, UsersError, UsersService } from './users.service.js';

const authProblems = {
  refused: ['unauthorized', () => loginRefusedMessage],
  throttled: ['rate_limited', (e) => `Too many sign-in attempts; try again in ${e.retryAfterSeconds} s.`],
  link_invalid: [
    'invalid_request',
    () => 'This link was used already, withdrawn or has expired; ask an admin for a new one.',
  ],
  email_needed: ['invalid_request', () => 'Enter the email you will sign in with.'],
  email_taken: ['conflict', () => 'Someone already signs in with this email.'],
} as const satisfies ProblemTable<AuthError>;

const usersProblems = {
  user_not_found: ['not_found', (e) => `No person ${e.id} in this account.`],
  email_taken: ['conflict', (e) => `Someone already signs in with ${e.email}.`],
  last_admin: ['conflict', () => 'The account must keep at least one admin.'],
  invite_not_found: ['not_found', (e) => `No pending link ${e.id} in this account.`],
} as const satisfies ProblemTable<UsersError>;

const keysProblems = {
  key_not_found: ['not_found', (e) => `No active API key ${e.apiKey} in this account.`],
  primary_key: [
    'invalid_request',
    () => "The account's first key is rotated and revoked with npm run accounts -- rotate|revoke <key>.",
  ],
} as const satisfies ProblemTable<ApiKeysError>;

/** What the people routes need. */
export type PeopleRouterDeps = {
  readonly auth: AuthService;
  readonly users: UsersService;
  readonly apiKeys: ApiKeysService;
  /** The session cookie is `Secure` when the server's public URL is https. */
  readonly secureCookies: boolean;
};

const IdParam = z.coerce.number().int().positive();
const AuditQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

function actorOf(res: Response): Actor {
  return { accountId: accountOf(res).id, name: actorNameOf(res), userId: res.locals.user?.id ?? null };
}

function userOf(res: Response) {
  const user = res.locals.user;
  const session = res.locals.userSession;
  if (!user || !session) throw new ApiProblem('unauthorized', 'Sign in with your email and password to use this.');
  return { user, session };
}

function addAuthRoutes(router: Router, deps: PeopleRouterDeps, guard: readonly RequestHandler[]): void {
  const signedIn = (res: Response, opened: NewSession): void => {
    res.setHeader('Set-Cookie', sessionCookie(opened.token, deps.secureCookies));
    res.setHeader('Cache-Control', 'no-store');
    res.json(opened.signedIn satisfies SignedIn);
  };
  router
    .route('/v1/auth/login')
    .post(...jsonBody, async (req, res) => {
      const request = parseOrThrow(LoginRequest, req.body ?? {}, 'sign-in');
      const result = await deps.auth.login(request, req.ip ?? req.socket.remoteAddress);
      if (!result.ok && result.error.code === 'throttled') {
        const { retryAfterSeconds } = result.error;
        throw new ApiProblem('rate_limited', authProblems.throttled[1](result.error), { retryAfterSeconds });
      }
      signedIn(res, valueOrProblem(result, authProblems));
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/auth/accept')
    .post(...jsonBody, async (req, res) => {
      const request = parseOrThrow(AcceptInviteRequest, req.body ?? {}, 'link');
      signedIn(res, valueOrProblem(await deps.auth.accept(request), authProblems));
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/auth/me')
    .get(...guard, async (_req, res) => {
      const { user, session } = userOf(res);
      res.setHeader('Cache-Control', 'no-store');
      res.json(await deps.auth.describe(user, session));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/v1/auth/logout')
    .post(...guard, async (req, res) => {
      userOf(res);
      const token = sessionTokenOf(req);
      if (token !== undefined) await deps.auth.logout(token);
      res.setHeader('Set-Cookie', clearedSessionCookie(deps.secureCookies));
      res.json({ message: 'Signed out.' } satisfies Done);
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/auth/logout-everywhere')
    .post(...guard, async (_req, res) => {
      const ended = await deps.auth.logoutEverywhere(userOf(res).user);
      res.setHeader('Set-Cookie', clearedSessionCookie(deps.secureCookies));
      res.json({ ended } satisfies LoggedOutEverywhere);
    })
    .all(methodNotAllowed(['POST']));
}

function addUserRoutes(router: Router, deps: PeopleRouterDeps, admin: readonly RequestHandler[]): void {
  router
    .route('/v1/users')
    .get(...admin, async (_req, res) => {
      res.json({ data: await deps.users.list(accountOf(res).id) });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/v1/users/:id')
    .patch(...admin, ...jsonBody, async (req, res) => {
      const id = parseOrThrow(IdParam, req.params['id'], 'user id');
      const { role } = parseOrThrow(UpdateUserRequest, req.body ?? {}, 'change');
      res.json(valueOrProblem(await deps.users.setRole(actorOf(res), id, role), usersProblems));
    })
    .delete(...admin, async (req, res) => {
      const id = parseOrThrow(IdParam, req.params['id'], 'user id');
      valueOrProblem(await deps.users.remove(actorOf(res), id), usersProblems);
      res.json({ message: 'Removed; their sessions have ended.' } satisfies Done);
    })
    .all(methodNotAllowed(['PATCH', 'DELETE']));
  router
    .route('/v1/users/:id/password-reset')
    .post(...admin, async (req, res) => {
      const id = parseOrThrow(IdParam, req.params['id'], 'user id');
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).json(valueOrProblem(await deps.users.resetLink(actorOf(res), id), usersProblems));
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/invites')
    .get(...admin, async (_req, res) => {
      res.json({ data: await deps.users.listInvites(accountOf(res).id) });
    })
    .post(...admin, ...jsonBody, async (req, res) => {
      const { email, role } = parseOrThrow(CreateInviteRequest, req.body ?? {}, 'invite');
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).json(valueOrProblem(await deps.users.invite(actorOf(res), email, role), usersProblems));
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));
  router
    .route('/v1/invites/:id')
    .delete(...admin, async (req, res) => {
      const id = parseOrThrow(IdParam, req.params['id'], 'invite id');
      valueOrProblem(await deps.users.withdrawInvite(actorOf(res), id), usersProblems);
      res.json({ message: 'Withdrawn; the link no longer works.' } satisfies Done);
    })
    .all(methodNotAllowed(['DELETE']));
}

function addKeyRoutes(router: Router, deps: PeopleRouterDeps, admin: readonly RequestHandler[]): void {
  router
    .route('/v1/api-keys')
    .get(...admin, async (_req, res) => {
      res.json(await deps.apiKeys.list(accountOf(res).id));
    })
    .post(...admin, ...jsonBody, async (req, res) => {
      const { label } = parseOrThrow(CreateApiKeyRequest, req.body ?? {}, 'key');
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).json(await deps.apiKeys.create(actorOf(res), label));
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));
  router
    .route('/v1/api-keys/:api_key/revoke')
    .post(...admin, async (req, res) => {
      valueOrProblem(await deps.apiKeys.revoke(actorOf(res), String(req.params['api_key'])), keysProblems);
      res.json({ message: 'Revoked; requests signed with this key now answer 401.' } satisfies Done);
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/api-keys/:api_key/rotate')
    .post(...admin, async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(valueOrProblem(await deps.apiKeys.rotate(actorOf(res), String(req.params['api_key'])), keysProblems));
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/audit')
    .get(...admin, async (req, res) => {
      const { before, limit } = parseOrThrow(AuditQuery, req.query, 'query');
      res.json(await deps.apiKeys.audit(accountOf(res).id, before ?? null, limit));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
}

/**
 * The people routes (see people.docs.ts): signing in and out and one-time links (`/v1/auth/…`), and the admin's
 * people, links, API keys and audit log. `guard` authenticates (cookie or HMAC) and rate-limits.
 */
export function createPeopleRouter(deps: PeopleRouterDeps, guard: readonly RequestHandler[]): Router {
  const router = Router();
  router.use(['/v1/auth', '/v1/users', '/v1/invites', '/v1/api-keys', '/v1/audit'], errorStyle('extended'));
  addAuthRoutes(router, deps, guard);
  const admin = [...guard, requireSignedInAdmin];
  addUserRoutes(router, deps, admin);
  addKeyRoutes(router, deps, admin);
  return router;
}
