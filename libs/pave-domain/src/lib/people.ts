import * as z from 'zod/mini';
import { WireTimestamp } from './timestamps.js';
import { Role } from './roles.js';

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

/** 200 body of `GET /v1/auth/me` and of a login: who is signed in, and the CSRF token their browser must send. */
export const SignedIn = z.object({
  user: User,
  /** The account's name (its API username). */
  account: z.string(),
  csrf_token: z.string(),
});
export type SignedIn = z.infer<typeof SignedIn>;

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

/** 200 body of a change with nothing else to say (sign-out, removal, withdrawal, revocation). */
export const Done = z.object({ message: z.string() });
export type Done = z.infer<typeof Done>;

/** 200 body of `POST /v1/auth/logout-everywhere`: how many sessions ended. */
export const LoggedOutEverywhere = z.object({ ended: z.int().check(z.nonnegative()) });
export type LoggedOutEverywhere = z.infer<typeof LoggedOutEverywhere>;
