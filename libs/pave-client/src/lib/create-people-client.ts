import {
  csrfHeaderName,
  Done,
  LoggedOutEverywhere,
  SignedIn,
  type AcceptInviteRequest,
  type LoginRequest,
} from '@pave/domain';
import { captureClientFor } from './create-capture-client.js';
import { buildCallbacksClient } from './create-callbacks-client.js';
import { buildSessionsClient, type PaveClient } from './create-pave-client.js';
import { createTransport, type RequestOptions, type Transport } from './create-transport.js';
import { resolveTransportSettings, type ApiClientOptions } from './resolve-transport-settings.js';

/** Options of {@link createPeopleClient}: where the API is, and the CSRF token of the signed-in session. */
export type PeopleClientOptions = ApiClientOptions & {
  /**
   * The session's CSRF token (from `SignedIn.csrf_token`), sent as `X-CSRF-Token` on every request; null before
   * signing in. The session itself is the cookie, which the browser (or the injected `fetch`) keeps.
   */
  csrfToken: () => string | null;
};

/** `/v1/auth/…`: signing in and out, one-time links. */
export type AuthClient = {
  /** `POST /v1/auth/login`: a `PaveAuthError` (401) for a wrong email or password. */
  login: (request: LoginRequest, options?: RequestOptions) => Promise<SignedIn>;
  /** `POST /v1/auth/accept`: joins with an invite link, or sets a new password with a reset link. */
  accept: (request: AcceptInviteRequest, options?: RequestOptions) => Promise<SignedIn>;
  /** `GET /v1/auth/me`: who is signed in; a `PaveAuthError` (401) when nobody is. */
  me: (options?: RequestOptions) => Promise<SignedIn>;
  logout: (options?: RequestOptions) => Promise<Done>;
  logoutEverywhere: (options?: RequestOptions) => Promise<LoggedOutEverywhere>;
};

/**
 * A signed-in person's client: the account's routes (as {@link PaveClient}) and sign-in; `transport` sends any
 * other call the same way (the admin's routes: `buildAdminClient(client.transport)`, kept apart so that apps load them
 * only on the admin's pages).
 */
export type PeopleClient = PaveClient & { auth: AuthClient; transport: Transport };

function buildAuthClient(send: Transport): AuthClient {
  return {
    login: (json, options) => send({ method: 'POST', path: '/v1/auth/login', json, schema: SignedIn }, options),
    accept: (json, options) => send({ method: 'POST', path: '/v1/auth/accept', json, schema: SignedIn }, options),
    me: (options) => send({ method: 'GET', path: '/v1/auth/me', schema: SignedIn }, options),
    logout: (options) => send({ method: 'POST', path: '/v1/auth/logout', schema: Done }, options),
    logoutEverywhere: (options) =>
      send({ method: 'POST', path: '/v1/auth/logout-everywhere', schema: LoggedOutEverywhere }, options),
  };
}

/**
 * A client for a person signed in with a cookie session (the review app): no API secret; the browser keeps the
 * `HttpOnly` cookie and this client sends the session's CSRF token with each request. Same methods as
 * {@link PaveClient}, plus `auth` (sign in and out).
 */
export function createPeopleClient(options: PeopleClientOptions): PeopleClient {
  const { csrfToken } = options;
  const sign = () => {
    const token = csrfToken();
    return Promise.resolve(token === null ? {} : { [csrfHeaderName]: token });
  };
  const settings = resolveTransportSettings(options, { sign, secrets: [] });
  const send = createTransport(settings);
  const { timeoutMs, retry, fetch, onRequest, onResponse } = options;
  const transport = { timeoutMs, retry, fetch, onRequest, onResponse };
  return {
    sessions: buildSessionsClient(send, settings),
    callbacks: buildCallbacksClient(send),
    capture: (captureUrl) => captureClientFor(captureUrl, transport),
    auth: buildAuthClient(send),
    transport: send,
  };
}
