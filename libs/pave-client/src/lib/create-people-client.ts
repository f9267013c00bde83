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
import type { PaveClient } from './create-pave-client.js';
import { buildSessionsClient, type SessionsClient } from './create-sessions-client.js';
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
 * The smallest client of a signed-in person: the session routes, sign-in, and `transport`, which sends any other
 * call the same way (`buildCallbacksClient(client.transport)`, `buildAdminClient(client.transport)`), so that an app
 * loads those areas only on the pages that use them.
 */
export type PeopleSessionsClient = { sessions: SessionsClient; auth: AuthClient; transport: Transport };

/** A signed-in person's client: the account's routes (as {@link PaveClient}), sign-in and the transport. */
export type PeopleClient = PaveClient & PeopleSessionsClient;

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

/** The transport of a person's cookie session: the CSRF token goes out with each request. */
function peopleTransport(options: PeopleClientOptions) {
  const { csrfToken } = options;
  const sign = () => {
    const token = csrfToken();
    return Promise.resolve(token === null ? {} : { [csrfHeaderName]: token });
  };
  const settings = resolveTransportSettings(options, { sign, secrets: [] });
  return { settings, send: createTransport(settings) };
}

/**
 * {@link createPeopleClient} without the callbacks and capture clients (for a browser bundle that should not carry
 * them): the session routes, `auth` and `transport`. Import it from `@pave/client/people`.
 */
export function createPeopleSessionsClient(options: PeopleClientOptions): PeopleSessionsClient {
  const { settings, send } = peopleTransport(options);
  return { sessions: buildSessionsClient(send, settings), auth: buildAuthClient(send), transport: send };
}

/**
 * A client for a person signed in with a cookie session (the review app): no API secret; the browser keeps the
 * `HttpOnly` cookie and this client sends the session's CSRF token with each request. Same methods as
 * {@link PaveClient}, plus `auth` (sign in and out).
 */
export function createPeopleClient(options: PeopleClientOptions): PeopleClient {
  const { settings, send } = peopleTransport(options);
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
