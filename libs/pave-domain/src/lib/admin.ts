import * as z from 'zod/mini';
import { Email, User } from './people.js';
import { Role } from './roles.js';
import { WireTimestamp } from './timestamps.js';

/** 200 body of `GET /v1/users`: every person of the account, oldest first. */
export const UserList = z.object({ data: z.array(User) });
export type UserList = z.infer<typeof UserList>;

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

/** An API key of the account, as listed (never its secret). */
export const ApiKey = z.object({
  api_key: z.string(),
  label: z.string(),
  /** The account's first key (made with the account): rotated and revoked with `npm run accounts` only. */
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
  'callback.test',
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
