import {
  AcceptInviteRequest,
  ApiKey,
  ApiKeyCreated,
  ApiKeyList,
  AuditEntry,
  AuditLog,
  CreateApiKeyRequest,
  CreateInviteRequest,
  DeleteSessionResponse,
  Invite,
  InviteCreated,
  InviteList,
  LoggedOutEverywhere,
  LoginRequest,
  SignedIn,
  UpdateUserRequest,
  User,
  UserList,
} from '@pave/domain';
import { z } from 'zod';
import type { NamedSchemas } from '../openapi/openapi-document.js';
import { refusal, routeGroup, type RouteDoc } from '../openapi/route-doc.js';

/** The schemas of the people routes, listed under `components.schemas`. */
export const peopleSchemas: NamedSchemas = {
  LoginRequest,
  SignedIn,
  AcceptInviteRequest,
  User,
  UserList,
  UpdateUserRequest,
  CreateInviteRequest,
  Invite,
  InviteList,
  InviteCreated,
  ApiKey,
  ApiKeyList,
  CreateApiKeyRequest,
  ApiKeyCreated,
  AuditEntry,
  AuditLog,
  LoggedOutEverywhere,
};

// `{message}`, the same shape as a deleted session's answer (so documented by that one schema)
const done = DeleteSessionResponse;
const idParam = { id: { schema: z.string(), description: 'The numeric id.' } };
const keyParam = { api_key: { schema: z.string(), description: 'The API key.' } };
const unauthorized = refusal('Not signed in (no or an ended session cookie) and no valid signature.');
const forbidden = refusal(
  'Not a signed-in admin (a request signed with an API key is refused here too); or a change without the session’s `X-CSRF-Token`.',
);
const signedIn = 'Signed in: the answer sets the `pave_session` cookie (HttpOnly, SameSite=Lax, Secure on https).';

const publicRoutes = routeGroup({ tag: 'People', auth: false }, [
  {
    method: 'post',
    path: '/v1/auth/login',
    operationId: 'login',
    summary: 'Sign in with email and password',
    description: 'At most 10 attempts per email and 30 per client address a minute (then 429 with `Retry-After`).',
    body: { schema: LoginRequest, contentType: 'application/json' },
    responses: {
      200: { description: signedIn, schema: SignedIn },
      400: refusal('Not an email, or no password.'),
      401: refusal('Wrong email or password (the same message for both).'),
      429: refusal('Too many attempts this minute.'),
    },
  },
  {
    method: 'post',
    path: '/v1/auth/accept',
    operationId: 'acceptInvite',
    summary: 'Use a one-time link: join with an invite, or set a new password',
    description: 'The token is the fragment of the link (`/welcome#<token>`). A used or expired link answers 400.',
    body: { schema: AcceptInviteRequest, contentType: 'application/json' },
    responses: {
      200: { description: signedIn, schema: SignedIn },
      400: refusal('A used, withdrawn or expired link, or a password of fewer than 10 characters.'),
      409: refusal('Someone already signs in with this email.'),
    },
  },
]);

const sessionRoutes = routeGroup({ tag: 'People', auth: true }, [
  {
    method: 'get',
    path: '/v1/auth/me',
    operationId: 'whoAmI',
    summary: 'Who is signed in, and the CSRF token of the session',
    responses: { 200: { description: 'The person and their session.', schema: SignedIn }, 401: unauthorized },
  },
  {
    method: 'post',
    path: '/v1/auth/logout',
    operationId: 'logout',
    summary: 'Sign out this browser',
    responses: {
      200: { description: 'Signed out; the cookie is cleared.', schema: done },
      401: unauthorized,
      403: forbidden,
    },
  },
  {
    method: 'post',
    path: '/v1/auth/logout-everywhere',
    operationId: 'logoutEverywhere',
    summary: 'Sign out every browser of this person',
    responses: {
      200: { description: 'How many sessions ended; the cookie is cleared.', schema: LoggedOutEverywhere },
      401: unauthorized,
      403: forbidden,
    },
  },
]);

const adminRoutes = routeGroup({ tag: 'Administration', auth: true }, [
  {
    method: 'get',
    path: '/v1/users',
    operationId: 'listUsers',
    summary: "The account's people",
    responses: { 200: { description: 'Oldest first.', schema: UserList }, 401: unauthorized, 403: forbidden },
  },
  {
    method: 'patch',
    path: '/v1/users/:id',
    operationId: 'changeUserRole',
    summary: "Change a person's role",
    pathParams: idParam,
    body: { schema: UpdateUserRequest, contentType: 'application/json' },
    responses: {
      200: { description: 'The changed person.', schema: User },
      404: refusal('No such person.'),
      409: refusal('The account must keep one admin.'),
    },
  },
  {
    method: 'delete',
    path: '/v1/users/:id',
    operationId: 'removeUser',
    summary: 'Remove a person (their sessions end)',
    pathParams: idParam,
    responses: {
      200: { description: 'Removed.', schema: done },
      404: refusal('No such person.'),
      409: refusal('Last admin.'),
    },
  },
  {
    method: 'post',
    path: '/v1/users/:id/password-reset',
    operationId: 'resetUserPassword',
    summary: 'A one-time link that sets a new password (shown once; no mail is sent)',
    pathParams: idParam,
    responses: { 201: { description: 'The link.', schema: InviteCreated }, 404: refusal('No such person.') },
  },
  {
    method: 'get',
    path: '/v1/invites',
    operationId: 'listInvites',
    summary: 'Pending one-time links (never their tokens)',
    responses: { 200: { description: 'Newest first.', schema: InviteList }, 403: forbidden },
  },
  {
    method: 'post',
    path: '/v1/invites',
    operationId: 'invite',
    summary: 'Invite a person with a role: a one-time link, valid 7 days, shown once',
    body: { schema: CreateInviteRequest, contentType: 'application/json' },
    responses: { 201: { description: 'The link.', schema: InviteCreated }, 409: refusal('The email is taken.') },
  },
  {
    method: 'delete',
    path: '/v1/invites/:id',
    operationId: 'withdrawInvite',
    summary: 'Withdraw a pending link',
    pathParams: idParam,
    responses: { 200: { description: 'Withdrawn.', schema: done }, 404: refusal('No such pending link.') },
  },
  {
    method: 'get',
    path: '/v1/api-keys',
    operationId: 'listApiKeys',
    summary: "The account's API keys (never their secrets)",
    responses: { 200: { description: 'The first key, then the others.', schema: ApiKeyList }, 403: forbidden },
  },
  {
    method: 'post',
    path: '/v1/api-keys',
    operationId: 'createApiKey',
    summary: 'A new API key with a label; its secret is shown this once',
    body: { schema: CreateApiKeyRequest, contentType: 'application/json' },
    responses: { 201: { description: 'The key and its secret.', schema: ApiKeyCreated }, 403: forbidden },
  },
  {
    method: 'post',
    path: '/v1/api-keys/:api_key/revoke',
    operationId: 'revokeApiKey',
    summary: 'Revoke a key at once',
    pathParams: keyParam,
    responses: { 200: { description: 'Revoked.', schema: done }, 404: refusal('No such active key.') },
  },
  {
    method: 'post',
    path: '/v1/api-keys/:api_key/rotate',
    operationId: 'rotateApiKey',
    summary: 'A new secret for a key, shown this once; the old one stops at once',
    pathParams: keyParam,
    responses: {
      200: { description: 'The key and its new secret.', schema: ApiKeyCreated },
      404: refusal('No such key.'),
    },
  },
  {
    method: 'get',
    path: '/v1/audit',
    operationId: 'readAuditLog',
    summary: 'Who did what: invalidations, deletions, notes, key and people changes',
    query: z.object({ before: z.optional(z.int()), limit: z.optional(z.int()) }),
    responses: { 200: { description: 'Newest first.', schema: AuditLog }, 403: forbidden },
  },
]);

/** The documented people routes. */
export const peopleRouteDocs: readonly RouteDoc[] = [...publicRoutes, ...sessionRoutes, ...adminRoutes];
