import * as z from 'zod/mini';

/** A person's role in an account: `admin` manages people, keys and callbacks; `reviewer` reviews; `viewer` reads. */
export const Role = z.enum(['admin', 'reviewer', 'viewer']);
export type Role = z.infer<typeof Role>;

/**
 * What a request may need: `read` (sessions, photos, notes, events), `review` (create, change, invalidate and delete
 * sessions, add notes) and `administer` (users, invites, API keys, callbacks and signing secrets, the audit log, and
 * erasing sessions for good).
 */
export const Permission = z.enum(['read', 'review', 'administer']);
export type Permission = z.infer<typeof Permission>;

/** The permissions of each role: every role reads, reviewers also review, admins do everything. */
export const rolePermissions = {
  admin: ['read', 'review', 'administer'],
  reviewer: ['read', 'review'],
  viewer: ['read'],
} as const satisfies Record<Role, readonly Permission[]>;

/** True when a person of `role` may do what needs `permission`. */
export function roleCan(role: Role, permission: Permission): boolean {
  return (rolePermissions[role] as readonly Permission[]).includes(permission);
}

const readMethods = ['GET', 'HEAD', 'OPTIONS'];

/** `POST /v1/sessions/:session_key/erase`: erasing a session (photos, notes, events) for good, in any status. */
const erasePath = /^\/v1\/sessions\/[^/]+\/erase\/?$/;

/**
 * The permission a signed-in person needs for a request to the account's API (`/v1/sessions…`, `/v1/events…`,
 * `/v1/callbacks…`): callbacks, the signing secret and erasing a session for good are the admin's; other reads need
 * `read`, other changes (sessions, notes, invalidation, deletion of an unstarted session) `review`.
 */
export function permissionFor(method: string, path: string): Permission {
  if (path === '/v1/callbacks' || path.startsWith('/v1/callbacks/')) return 'administer';
  if (erasePath.test(path)) return 'administer';
  return readMethods.includes(method.toUpperCase()) ? 'read' : 'review';
}

/** The 403 message of a signed-in person whose role lacks `permission`. */
export function forbiddenMessage(role: Role, permission: Permission): string {
  const needs = { read: 'any role', review: 'the reviewer or admin role', administer: 'the admin role' }[permission];
  return `Your role (${role}) may not do this: it needs ${needs}.`;
}

/** The 403 message of a state-changing cookie request without the session's CSRF token. */
export const csrfRefusedMessage = 'Missing or wrong X-CSRF-Token header: reload the page and try again.';

/** The header a signed-in browser sends its session's CSRF token in, on every request that changes something. */
export const csrfHeaderName = 'X-CSRF-Token';

/** The name of the cookie holding a signed-in person's session. */
export const sessionCookieName = 'pave_session';
