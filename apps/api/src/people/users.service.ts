import {
  acceptInvitePath,
  inviteLifetimeSeconds,
  type InviteCreated,
  type Result,
  type Role,
  type User,
} from '@pave/domain';
import type { AccountRow, AccountStore } from '../storage/repository.js';
import type { AuditStore, PeopleChangeError, UserStore } from '../storage/people-repository.js';
import { hashPassword } from './password-hash.js';
import { toInvite, toUser } from './people-wire.js';
import { createToken, hashToken } from './tokens.js';

/** Who does something: the account they act in and how the audit log names them. */
export type Actor = { readonly accountId: number; readonly name: string; readonly userId: number | null };

/** Why a change of people was refused. */
export type UsersError =
  | { code: 'user_not_found'; id: number }
  | { code: 'email_taken'; email: string }
  | { code: 'last_admin' }
  | { code: 'invite_not_found'; id: number };

/** Dependencies of the users service. */
export type UsersDeps = {
  readonly users: UserStore;
  readonly accounts: AccountStore;
  readonly audit: AuditStore;
  readonly now: () => Date;
  readonly publicBaseUrl: string;
};

function refusal(error: PeopleChangeError, id: number): { ok: false; error: UsersError } {
  return { ok: false, error: error.code === 'last_admin' ? { code: 'last_admin' } : { code: 'user_not_found', id } };
}

/** The account's people: listing, inviting, roles, removal, password resets; and the first admin. */
export function createUsersService(deps: UsersDeps) {
  const nowMs = () => deps.now().getTime();
  const record = (actor: Actor, action: Parameters<AuditStore['record']>[0]['action'], target: string, detail = '') =>
    deps.audit.record({ accountId: actor.accountId, at: nowMs(), actor: actor.name, action, target, detail });

  async function link(
    actor: Actor,
    fields: { kind: 'invite' | 'reset'; email: string; role: Role; userId: number | null },
  ): Promise<InviteCreated> {
    const token = createToken();
    const at = nowMs();
    const invite = await deps.users.createInvite({
      accountId: actor.accountId,
      tokenHash: hashToken(token),
      ...fields,
      createdBy: actor.name,
      createdAt: at,
      expiresAt: at + inviteLifetimeSeconds * 1000,
    });
    return { invite: toInvite(invite), url: `${deps.publicBaseUrl}${acceptInvitePath}#${token}` };
  }

  return {
    async list(accountId: number): Promise<User[]> {
      return (await deps.users.list(accountId)).map(toUser);
    },
    /** A one-time invite link for `email` with `role`; refused when someone has that email. */
    async invite(actor: Actor, email: string, role: Role): Promise<Result<InviteCreated, UsersError>> {
      if (await deps.users.findByEmail(email)) return { ok: false, error: { code: 'email_taken', email } };
      const created = await link(actor, { kind: 'invite', email, role, userId: null });
      await record(actor, 'user.invite', email, role);
      return { ok: true, value: created };
    },
    async listInvites(accountId: number) {
      return (await deps.users.listInvites(accountId, nowMs())).map(toInvite);
    },
    async withdrawInvite(actor: Actor, id: number): Promise<Result<null, UsersError>> {
      if (!(await deps.users.deleteInvite(actor.accountId, id)))
        return { ok: false, error: { code: 'invite_not_found', id } };
      return { ok: true, value: null };
    },
    /** Changes a person's role; the account always keeps one admin (checked atomically by the store). */
    async setRole(actor: Actor, id: number, role: Role): Promise<Result<User, UsersError>> {
      const user = await deps.users.findById(actor.accountId, id);
      const changed = await deps.users.setRole(actor.accountId, id, role);
      if (!changed.ok) return refusal(changed.error, id);
      await record(actor, 'user.role', changed.value.email, `${user?.role ?? changed.value.role} → ${role}`);
      return { ok: true, value: toUser(changed.value) };
    },
    /** Removes a person and ends their sessions; the account always keeps one admin (checked atomically). */
    async remove(actor: Actor, id: number): Promise<Result<null, UsersError>> {
      const removed = await deps.users.remove(actor.accountId, id);
      if (!removed.ok) return refusal(removed.error, id);
      await record(actor, 'user.remove', removed.value.email);
      return { ok: true, value: null };
    },
    /** A one-time link that sets a new password for a person (no mail: the admin hands it over). */
    async resetLink(actor: Actor, id: number): Promise<Result<InviteCreated, UsersError>> {
      const user = await deps.users.findById(actor.accountId, id);
      if (!user) return { ok: false, error: { code: 'user_not_found', id } };
      const created = await link(actor, { kind: 'reset', email: user.email, role: user.role, userId: user.id });
      await record(actor, 'user.password_reset', user.email);
      return { ok: true, value: created };
    },
    /**
     * A one-time admin link for an account whose holder chooses their email (the first admin): by `npm run accounts`
     * and at a start with nobody to sign in.
     */
    async adminLink(account: AccountRow, by: string): Promise<InviteCreated> {
      return link(
        { accountId: account.id, name: by, userId: null },
        { kind: 'invite', email: '', role: 'admin', userId: null },
      );
    },
    /** Makes an admin with a known password in an account (PAVE_BOOTSTRAP_ADMIN); false when the email is taken. */
    async createAdmin(account: AccountRow, email: string, password: string): Promise<boolean> {
      const created = await deps.users.create({
        accountId: account.id,
        email,
        passwordHash: await hashPassword(password),
        role: 'admin',
        createdAt: nowMs(),
      });
      return created.ok;
    },
  };
}

/** The users service. */
export type UsersService = ReturnType<typeof createUsersService>;
