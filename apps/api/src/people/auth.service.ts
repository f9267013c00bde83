import { randomBytes } from 'node:crypto';
import type { AcceptInviteRequest, LoginRequest, Result, SignedIn } from '@pave/domain';
import { clientAddressKey } from '../capture/client-address.js';
import { rateLimitWindowStart } from '../http/rate-limit.js';
import type { AccountStore, RateLimitStore } from '../storage/repository.js';
import type { AuditStore, InviteRow, UserRow, UserSessionRow, UserStore } from '../storage/people-repository.js';
import { hashPassword, verifyNothing, verifyPassword } from './password-hash.js';
import { toUser } from './people-wire.js';
import { sessionLifetimeMs, sessionRenewBelowMs } from './session-cookie.js';
import { createToken, hashToken } from './tokens.js';

/** Login attempts allowed per minute for one email, and for one client address (the shared `rate_limits` store). */
export const loginLimits = { perEmail: 10, perAddress: 30 } as const;

/** Dependencies of the auth service. */
export type AuthDeps = {
  readonly users: UserStore;
  readonly accounts: AccountStore;
  readonly audit: AuditStore;
  readonly rateLimits: RateLimitStore;
  readonly now: () => Date;
};

/** A signed-in browser: the cookie's token and what the API answers about it. */
export type NewSession = { readonly token: string; readonly signedIn: SignedIn };

/** Why a login or a link was refused. */
export type AuthError =
  | { code: 'refused' }
  | { code: 'throttled'; retryAfterSeconds: number }
  | { code: 'link_invalid' }
  | { code: 'email_needed' }
  | { code: 'email_taken' };

/**
 * The refusal of a link whose email already signs in: an invite naming that email is spent (its person joined, by this
 * link or another), so it is refused as a used link is; a link whose holder chooses the email (the first admin's) is a
 * conflict they can fix by choosing another.
 */
function emailTaken(invite: InviteRow): { ok: false; error: AuthError } {
  return { ok: false, error: { code: invite.email ? 'link_invalid' : 'email_taken' } };
}

/** Withdraws the other pending invites of a person who just joined: they could only end in a refusal. */
async function withdrawOtherInvites(users: UserStore, used: InviteRow, at: number): Promise<void> {
  const others = (await users.listInvites(used.accountId, at)).filter(
    (invite) => invite.kind === 'invite' && invite.email !== '' && invite.email === used.email && invite.id !== used.id,
  );
  await Promise.all(others.map((invite) => users.deleteInvite(used.accountId, invite.id)));
}

/** The session and person of a session token; `extended` when this use moved the session's expiry on. */
export type SignedInPerson = { readonly user: UserRow; readonly session: UserSessionRow; readonly extended?: boolean };

/** Signing in and out, and one-time links. */
export function createAuthService(deps: AuthDeps) {
  const nowMs = () => deps.now().getTime();

  async function describe(user: UserRow, session: UserSessionRow): Promise<SignedIn> {
    const account = await deps.accounts.findById(user.accountId);
    return { user: toUser(user), account: account?.username ?? '', csrf_token: session.csrfToken };
  }

  async function open(user: UserRow): Promise<NewSession> {
    const token = createToken();
    const at = nowMs();
    const session = await deps.users.createSession({
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: at,
      expiresAt: at + sessionLifetimeMs,
    });
    await deps.users.recordLogin(user.id, at);
    return { token, signedIn: await describe({ ...user, lastLoginAt: at }, session) };
  }

  async function throttle(email: string, address: string | undefined): Promise<Result<null, AuthError>> {
    const at = nowMs();
    const windowStart = rateLimitWindowStart(at);
    const [byEmail, byAddress] = await Promise.all([
      deps.rateLimits.hit(`login-email:${email}`, windowStart),
      deps.rateLimits.hit(`login-address:${clientAddressKey(address)}`, windowStart),
    ]);
    if (byEmail <= loginLimits.perEmail && byAddress <= loginLimits.perAddress) return { ok: true, value: null };
    return {
      ok: false,
      error: { code: 'throttled', retryAfterSeconds: Math.ceil((windowStart + 60_000 - at) / 1000) },
    };
  }

  return {
    /**
     * Checks an email and password (throttled per email and per client address, an IPv6 one by its /64) and opens a
     * session.
     */
    async login(request: LoginRequest, address: string | undefined): Promise<Result<NewSession, AuthError>> {
      const allowed = await throttle(request.email, address);
      if (!allowed.ok) return allowed;
      const user = await deps.users.findByEmail(request.email);
      if (!user) {
        await verifyNothing(request.password);
        return { ok: false, error: { code: 'refused' } };
      }
      if (!(await verifyPassword(request.password, user.passwordHash)))
        return { ok: false, error: { code: 'refused' } };
      return { ok: true, value: await open(user) };
    },
    /** The person of a session token, when the session is alive; moves its expiry on when due. */
    async session(token: string): Promise<SignedInPerson | null> {
      const at = nowMs();
      const found = await deps.users.findSession(hashToken(token), at);
      if (!found) return null;
      if (found.session.expiresAt - at < sessionRenewBelowMs) {
        const expiresAt = at + sessionLifetimeMs;
        await deps.users.extendSession(found.session.id, expiresAt);
        return { user: found.user, session: { ...found.session, expiresAt }, extended: true };
      }
      return found;
    },
    describe,
    /** Ends the session of a token. */
    async logout(token: string): Promise<void> {
      await deps.users.deleteSession(hashToken(token));
    },
    /** Ends every session of a person; returns how many. */
    async logoutEverywhere(user: UserRow): Promise<number> {
      const ended = await deps.users.deleteSessionsOf(user.id);
      await deps.audit.record({
        accountId: user.accountId,
        at: nowMs(),
        actor: user.email,
        action: 'user.logout_everywhere',
        target: user.email,
        detail: `${ended} sessions`,
      });
      return ended;
    },
    /** Uses a one-time link: an invite makes the person, a reset sets their password (ending their sessions). */
    async accept(request: AcceptInviteRequest): Promise<Result<NewSession, AuthError>> {
      const invite = await deps.users.findInvite(hashToken(request.token));
      const at = nowMs();
      if (!invite || invite.usedAt !== null || invite.expiresAt <= at)
        return { ok: false, error: { code: 'link_invalid' } };
      const email = invite.email || request.email;
      if (!email) return { ok: false, error: { code: 'email_needed' } };
      if (invite.kind === 'invite' && (await deps.users.findByEmail(email))) return emailTaken(invite);
      const passwordHash = await hashPassword(request.password);
      if (!(await deps.users.useInvite(invite.id, at))) return { ok: false, error: { code: 'link_invalid' } };
      const audit = { accountId: invite.accountId, at, actor: email, target: email, detail: '' };
      if (invite.kind === 'reset') {
        const user = invite.userId === null ? null : await deps.users.findById(invite.accountId, invite.userId);
        if (!user) return { ok: false, error: { code: 'link_invalid' } };
        await deps.users.setPasswordHash(user.id, passwordHash);
        await deps.users.deleteSessionsOf(user.id);
        await deps.audit.record({ ...audit, action: 'user.password_set' });
        return { ok: true, value: await open(user) };
      }
      const created = await deps.users.create({
        accountId: invite.accountId,
        email,
        passwordHash,
        role: invite.role,
        createdAt: at,
      });
      if (!created.ok) {
        // someone joined with this email meanwhile: a link whose holder chooses the email stays usable with another
        if (!invite.email) await deps.users.releaseInvite(invite.id);
        return emailTaken(invite);
      }
      await withdrawOtherInvites(deps.users, invite, at);
      await deps.audit.record({ ...audit, action: 'user.join', detail: invite.role });
      return { ok: true, value: await open(created.value) };
    },
  };
}

/** The auth service. */
export type AuthService = ReturnType<typeof createAuthService>;
