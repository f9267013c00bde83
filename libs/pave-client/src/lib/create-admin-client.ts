import {
  ApiKeyCreated,
  ApiKeyList,
  AuditLog,
  Done,
  InviteCreated,
  InviteList,
  User,
  UserList,
  type Role,
} from '@pave/domain';
import type { RequestOptions, Transport } from './create-transport.js';

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

/** The admin's routes over a signed-in person's transport (`PeopleClient.transport`). */
export function buildAdminClient(send: Transport): AdminClient {
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
