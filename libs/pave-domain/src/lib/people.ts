import * as z from 'zod/mini';
import { WireTimestamp } from './timestamps.js';

/** A person's role in an account: `admin` manages people, keys and callbacks; `reviewer` reviews; `viewer` reads. */
export const Role = z.enum(['admin', 'reviewer', 'viewer']);
export type Role = z.infer<typeof Role>;

/**
 * What a request may need: `read` (sessions, photos, notes, events), `review` (create, change, invalidate and delete
 * sessions, add notes) and `administer` (users, invites, API keys, callbacks and signing secrets, the audit log).
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

/**
 * The permission a signed-in person needs for a request to the account's API (`/v1/sessions…`, `/v1/events…`,
 * `/v1/callbacks…`): callbacks and the signing secret are the admin's; other reads need `read`, other changes
 * (sessions, notes, invalidation, deletion) `review`.
 */
export function permissionFor(method: string, path: string): Permission {
  if (path === '/v1/callbacks' || path.startsWith('/v1/callbacks/')) return 'administer';
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

/** Shortest password accepted (characters). */
export const passwordMinLength = 10;
/** Longest password accepted (characters); bounds the work of hashing it. */
export const passwordMaxLength = 200;

/** An email address, trimmed and lower-cased (people sign in with it). */
export const Email = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address.'));
export type Email = z.infer<typeof Email>;

/** A new password: 10 to 200 characters. */
export const NewPassword = z
  .string()
  .check(
    z.minLength(passwordMinLength, `Use at least ${passwordMinLength} characters.`),
    z.maxLength(passwordMaxLength, `Use at most ${passwordMaxLength} characters.`),
  );

/** Body of `POST /v1/auth/login`. */
export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().check(z.minLength(1), z.maxLength(passwordMaxLength)),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The message of a refused login: the same for an unknown email and a wrong password. */
export const loginRefusedMessage = 'Wrong email or password.';

/** A person of an account, as the API shows it (never the password or its hash). */
export const User = z.object({
  id: z.int().check(z.positive()),
  email: z.string(),
  role: Role,
  created_at: WireTimestamp,
  /** When the person last signed in; null before the first time. */
  last_login_at: z.nullable(WireTimestamp),
});
export type User = z.infer<typeof User>;

/** 200 body of `GET /v1/users`: every person of the account, oldest first. */
export const UserList = z.object({ data: z.array(User) });
export type UserList = z.infer<typeof UserList>;

/** 200 body of `GET /v1/auth/me` and of a login: who is signed in, and the CSRF token their browser must send. */
export const SignedIn = z.object({
  user: User,
  /** The account's name (its API username). */
  account: z.string(),
  csrf_token: z.string(),
});
export type SignedIn = z.infer<typeof SignedIn>;

/** Body of `PATCH /v1/users/:id`: a new role. */
export const UpdateUserRequest = z.strictObject({ role: Role });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/** Body of `POST /v1/invites`: who is invited, with which role. */
export const CreateInviteRequest = z.strictObject({ email: Email, role: Role });
export type CreateInviteRequest = z.infer<typeof CreateInviteRequest>;

/** What a one-time link does: let a new person in (`invite`), or set a person's new password (`reset`). */
export const InviteKind = z.enum(['invite', 'reset']);
export type InviteKind = z.infer<typeof InviteKind>;

/** A pending one-time link, as listed (never its token). */
export const Invite = z.object({
  id: z.int().check(z.positive()),
  kind: InviteKind,
  /** Who it is for; empty for the first admin's link, whose holder chooses their email. */
  email: z.string(),
  role: Role,
  created_at: WireTimestamp,
  expires_at: WireTimestamp,
});
export type Invite = z.infer<typeof Invite>;

/** 200 body of `GET /v1/invites`: the pending (unused, unexpired) links, newest first. */
export const InviteList = z.object({ data: z.array(Invite) });
export type InviteList = z.infer<typeof InviteList>;

/** 201 body of `POST /v1/invites` and `POST /v1/users/:id/password-reset`: the link, shown this once. */
export const InviteCreated = z.object({ invite: Invite, url: z.string() });
export type InviteCreated = z.infer<typeof InviteCreated>;

/**
 * Body of `POST /v1/auth/accept`: the link's token (from its fragment), the password to set, and the email to sign in
 * with when the link names none (the first admin's link, printed at the first start).
 */
export const AcceptInviteRequest = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
  password: NewPassword,
  email: z.optional(Email),
});
export type AcceptInviteRequest = z.infer<typeof AcceptInviteRequest>;

/** The web path of a one-time link; its token travels in the fragment, which never reaches server logs. */
export const acceptInvitePath = '/welcome';

/** How long a one-time link stays valid (seconds): 7 days. */
export const inviteLifetimeSeconds = 7 * 24 * 3600;

/** An API key of the account, as listed (never its secret). */
export const ApiKey = z.object({
  api_key: z.string(),
  label: z.string(),
  /** The account's first key (made with the account) cannot be revoked here, only rotated. */
  primary: z.boolean(),
  created_at: WireTimestamp,
  /** Null while active. */
  revoked_at: z.nullable(WireTimestamp),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** 200 body of `GET /v1/api-keys`. */
export const ApiKeyList = z.object({ username: z.string(), data: z.array(ApiKey) });
export type ApiKeyList = z.infer<typeof ApiKeyList>;

/** Body of `POST /v1/api-keys`. */
export const CreateApiKeyRequest = z.strictObject({
  label: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>;

/** 201 body of `POST /v1/api-keys` and 200 of `…/rotate`: the key with its secret, shown this once. */
export const ApiKeyCreated = z.object({ key: ApiKey, username: z.string(), api_secret: z.string() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

/** What the audit log records. */
export const AuditAction = z.enum([
  'session.update',
  'session.invalidate',
  'session.delete',
  'note.add',
  'api_key.create',
  'api_key.rotate',
  'api_key.revoke',
  'user.invite',
  'user.join',
  'user.role',
  'user.remove',
  'user.password_reset',
  'user.password_set',
  'user.logout_everywhere',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** One entry of the audit log: who (a person's email, or `API key <key>`), did what, to what. */
export const AuditEntry = z.object({
  id: z.int().check(z.positive()),
  at: WireTimestamp,
  actor: z.string(),
  action: AuditAction,
  /** What it was done to: a session key, an email, an API key; empty when nothing. */
  target: z.string(),
  /** A short free text (an invalidation reason, a new role); empty when nothing. */
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** 200 body of `GET /v1/audit`: newest first; `next_before` pages on (null on the last page). */
export const AuditLog = z.object({ data: z.array(AuditEntry), next_before: z.nullable(z.int()) });
export type AuditLog = z.infer<typeof AuditLog>;

/** 200 body of a change with nothing else to say (sign-out, removal, withdrawal, revocation). */
export const Done = z.object({ message: z.string() });
export type Done = z.infer<typeof Done>;

/** 200 body of `POST /v1/auth/logout-everywhere`: how many sessions ended. */
export const LoggedOutEverywhere = z.object({ ended: z.int().check(z.nonnegative()) });
export type LoggedOutEverywhere = z.infer<typeof LoggedOutEverywhere>;
