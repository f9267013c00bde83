import type { IncomingMessage } from 'node:http';
import { authErrorMessage, authHeaderNames, csrfHeaderName, csrfRefusedMessage, type AuthHeaders } from '@pave/domain';
import type { Request, RequestHandler, Response } from 'express';
import { checkApiCredentials } from '../accounts/check-api-credentials.js';
import type { AccountRow, AccountStore } from '../storage/repository.js';
import { ApiProblem } from './api-problem.js';
import type { AuthService } from '../people/auth.service.js';
import { sessionCookie, sessionTokenOf } from '../people/session-cookie.js';
import { sameSecret } from '../people/tokens.js';

// node:http lower-cases header names
const apiKeyHeader = authHeaderNames.apiKey.toLowerCase();
const tokenHeader = authHeaderNames.token.toLowerCase();
const timestampHeader = authHeaderNames.timestamp.toLowerCase();

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The three PAVE auth headers of a request, as sent (absent ones undefined). */
export function authHeadersOf(req: IncomingMessage): AuthHeaders {
  return {
    apiKey: firstValue(req.headers[apiKeyHeader]),
    token: firstValue(req.headers[tokenHeader]),
    timestamp: firstValue(req.headers[timestampHeader]),
  };
}

/**
 * The account whose valid PAVE credentials sign the request; throws a 401 {@link ApiProblem} saying why otherwise.
 * For the Express middleware and for handlers on the bare node:http request.
 */
export async function authenticateRequest(
  req: IncomingMessage,
  accounts: AccountStore,
  now: Date,
): Promise<AccountRow> {
  const result = await checkApiCredentials(authHeadersOf(req), accounts, now);
  if (!result.ok) throw new ApiProblem('unauthorized', authErrorMessage(result.error));
  return result.value;
}

/** What the auth middleware needs beyond HMAC: the cookie sessions of signed-in people (absent: HMAC only). */
export type CookieAuth = Pick<AuthService, 'session'>;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The 401 of a cookie whose session ended (logged out, expired, the person removed). */
export const sessionEndedMessage = 'Your sign-in has ended; sign in again.';

async function authenticateCookie(req: Request, res: Response, token: string, deps: AuthenticateDeps): Promise<void> {
  const person = await deps.cookies?.session(token);
  if (!person) throw new ApiProblem('unauthorized', sessionEndedMessage);
  // a state-changing request must carry the session's CSRF token, which only the app's own pages can read
  const given = req.get(csrfHeaderName);
  if (!safeMethods.has(req.method) && (given === undefined || !sameSecret(given, person.session.csrfToken))) {
    throw new ApiProblem('csrf_refused', csrfRefusedMessage);
  }
  const account = await deps.accounts.findById(person.user.accountId);
  if (!account) throw new ApiProblem('unauthorized', sessionEndedMessage);
  res.locals.account = account;
  res.locals.user = person.user;
  res.locals.userSession = person.session;
  // the session moved on: so does the cookie's Max-Age, or the browser would drop it at the first expiry
  if (person.extended) res.append('Set-Cookie', sessionCookie(token, deps.secureCookies ?? false));
}

/** Dependencies of {@link createAuthenticate}. */
export type AuthenticateDeps = {
  readonly accounts: AccountStore;
  readonly now: () => Date;
  readonly cookies?: CookieAuth;
  /** The session cookie is `Secure` when the server's public URL is https. */
  readonly secureCookies?: boolean;
};

/**
 * Refuses a request without valid credentials (401 saying why); otherwise sets `res.locals.account`. Machines sign
 * each request (PAVE's HMAC headers); a browser sends the session cookie of a signed-in person (then
 * `res.locals.user` is set too), plus the session's CSRF token on requests that change something (403 without).
 * A request with an `API-Key` header is always judged by HMAC alone.
 */
export function createAuthenticate(deps: AuthenticateDeps): RequestHandler {
  return async (req, res, next) => {
    const token = sessionTokenOf(req);
    if (deps.cookies && token !== undefined && req.get(authHeaderNames.apiKey) === undefined) {
      await authenticateCookie(req, res, token, deps);
    } else {
      res.locals.account = await authenticateRequest(req, deps.accounts, deps.now());
    }
    next();
  };
}
