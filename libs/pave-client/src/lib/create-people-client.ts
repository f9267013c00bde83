import {
  ApiKeyCreated,
  ApiKeyList,
  AuditLog,
  csrfHeaderName,
  Done,
  InviteCreated,
  InviteList,
  LoggedOutEverywhere,
  SignedIn,
  User,
  UserList,
  type AcceptInviteRequest,
  type LoginRequest,
  type Role,
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

/** The admin's routes: people, one-time links, API keys and the audit log. */
export type AdminClient = {
  users: {
    list: (options?: RequestOptions) => Promise<UserList>;
    setRole: (id: number, role: Role, options?: RequestOptions) => Promise<User>;
    remove: (id: number, options?: RequestOptions) => Promise<Done>;
    /** A one-time link that sets a new password, shown once. */
    resetPassword: (id: number, options?: RequestOptions) => Promise<InviteCreated>;
  };
  invites: {
    list: (options?: RequestOptions) => Promise<InviteList>;
    /** A one-time invite link, shown once. */
    create: (email: string, role: Role, options?: RequestOptions) => Promise<InviteCreated>;
    withdraw: (id: number, options?: RequestOptions) => Promise<Done>;
  };
  apiKeys: {
    list: (options?: RequestOptions) => Promise<ApiKeyList>;
    /** A new key; its secret is in this answer only. */
    create: (label: string, options?: RequestOptions) => Promise<ApiKeyCreated>;
    revoke: (apiKey: string, options?: RequestOptions) => Promise<Done>;
    /** A new secret for the key, in this answer only. */
    rotate: (apiKey: string, options?: RequestOptions) => Promise<ApiKeyCreated>;
  };
  audit: {
    /** Newest first; pass `next_before` of a page to read the next. */
    list: (query?: { before?: number; limit?: number }, options?: RequestOptions) => Promise<AuditLog>;
  };
};

/** A signed-in person's client: the account's routes (as {@link PaveClient}), plus sign-in and the admin's routes. */
export type PeopleClient = PaveClient & { auth: AuthClient; admin: AdminClient };

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

function buildAdminClient(send: Transport): AdminClient {
  const user = (id: number, rest = '') => `/v1/users/${id}${rest}`;
  const key = (apiKey: string, action: string) => `/v1/api-keys/${encodeURIComponent(apiKey)}/${action}`;
  return {
    users: {
      list: (options) => send({ method: 'GET', path: '/v1/users', schema: UserList }, options),
      setRole: (id, role, options) => send({ method: 'PATCH', path: user(id), json: { role }, schema: User }, options),
      remove: (id, options) => send({ method: 'DELETE', path: user(id), schema: Done }, options),
      resetPassword: (id, options) =>
        send({ method: 'POST', path: user(id, '/password-reset'), schema: InviteCreated }, options),
    },
    invites: {
      list: (options) => send({ method: 'GET', path: '/v1/invites', schema: InviteList }, options),
      create: (email, role, options) =>
        send({ method: 'POST', path: '/v1/invites', json: { email, role }, schema: InviteCreated }, options),
      withdraw: (id, options) => send({ method: 'DELETE', path: `/v1/invites/${id}`, schema: Done }, options),
    },
    apiKeys: {
      list: (options) => send({ method: 'GET', path: '/v1/api-keys', schema: ApiKeyList }, options),
      create: (label, options) =>
        send({ method: 'POST', path: '/v1/api-keys', json: { label }, schema: ApiKeyCreated }, options),
      revoke: (apiKey, options) => send({ method: 'POST', path: key(apiKey, 'revoke'), schema: Done }, options),
      rotate: (apiKey, options) =>
        send({ method: 'POST', path: key(apiKey, 'rotate'), schema: ApiKeyCreated }, options),
    },
    audit: {
      list: (query = {}, options) =>
        send(
          { method: 'GET', path: '/v1/audit', query: { before: query.before, limit: query.limit }, schema: AuditLog },
          options,
        ),
    },
  };
}

/**
 * A client for a person signed in with a cookie session (the review app): no API secret; the browser keeps the
 * `HttpOnly` cookie and this client sends the session's CSRF token with each request. Same methods as
 * {@link PaveClient}, plus `auth` (sign in and out) and `admin`.
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
    admin: buildAdminClient(send),
  };
}
