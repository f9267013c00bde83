import type { AuditAction, InviteKind, Result, Role } from '@pave/domain';

// The stores of people and roles (issue 19). Timestamps are epoch milliseconds.

/** A person of an account as stored. */
export type UserRow = {
  readonly id: number;
  readonly accountId: number;
  readonly email: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly createdAt: number;
  readonly lastLoginAt: number | null;
};

/** What `users.create` needs. */
export type NewUser = Pick<UserRow, 'accountId' | 'email' | 'passwordHash' | 'role' | 'createdAt'>;

/** A signed-in browser as stored (the cookie's token is known only by its hash). */
export type UserSessionRow = {
  readonly id: number;
  readonly userId: number;
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
};

/** A one-time link as stored (its token is known only by its hash). */
export type InviteRow = {
  readonly id: number;
  readonly accountId: number;
  readonly kind: InviteKind;
  readonly email: string;
  readonly role: Role;
  /** The person a reset link is for; null for an invite. */
  readonly userId: number | null;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedAt: number | null;
};

/** What `users.createInvite` needs. */
export type NewInvite = Omit<InviteRow, 'id' | 'usedAt'> & { readonly tokenHash: string };

/** Why a change of a person was refused: unknown in the account, or the account's last admin. */
export type PeopleChangeError = { readonly code: 'user_not_found' } | { readonly code: 'last_admin' };

/** People, their signed-in browsers and their one-time links. */
export type UserStore = {
  /** Inserts a person; refused when the email is taken (in any account). */
  create(user: NewUser): Promise<Result<UserRow, { code: 'email_taken' }>>;
  findByEmail(email: string): Promise<UserRow | null>;
  findById(accountId: number, id: number): Promise<UserRow | null>;
  /** The account's people, oldest first. */
  list(accountId: number): Promise<UserRow[]>;
  /** How many people there are in all accounts. */
  count(): Promise<number>;
  /**
   * Changes a person's role, refusing to demote the account's last admin. Atomic: the admins are counted and the role
   * changed in one transaction holding the account's row lock (PostgreSQL) or SQLite's one writer, so two concurrent
   * demotions cannot leave the account without an admin.
   */
  setRole(accountId: number, id: number, role: Role): Promise<Result<UserRow, PeopleChangeError>>;
  /** Sets a person's password hash; false when unknown. */
  setPasswordHash(id: number, passwordHash: string): Promise<boolean>;
  recordLogin(id: number, at: number): Promise<void>;
  /** Removes a person and their sessions, refusing to remove the account's last admin (atomic, as `setRole`). */
  remove(accountId: number, id: number): Promise<Result<UserRow, PeopleChangeError>>;
  /** Stores a new signed-in browser. */
  createSession(session: Omit<UserSessionRow, 'id'> & { readonly tokenHash: string }): Promise<UserSessionRow>;
  /** The session of a token hash with its person, when it has not expired at `at`; null otherwise. */
  findSession(tokenHash: string, at: number): Promise<{ session: UserSessionRow; user: UserRow } | null>;
  /** Moves a session's expiry (sliding sessions). */
  extendSession(id: number, expiresAt: number): Promise<void>;
  /** Ends one session (logout); false when it was not there. */
  deleteSession(tokenHash: string): Promise<boolean>;
  /** Ends every session of a person (logout everywhere, password change, removal); returns how many. */
  deleteSessionsOf(userId: number): Promise<number>;
  createInvite(invite: NewInvite): Promise<InviteRow>;
  /** The link of a token hash, used or not, expired or not; null when unknown. */
  findInvite(tokenHash: string): Promise<InviteRow | null>;
  /** Marks a link used if it is still unused and unexpired at `at` (compare-and-set); false otherwise. */
  useInvite(id: number, at: number): Promise<boolean>;
  /** Makes a used link unused again (its use failed after it was marked: the person could not be made). */
  releaseInvite(id: number): Promise<void>;
  /** The account's links still unused and unexpired at `at`, newest first. */
  listInvites(accountId: number, at: number): Promise<InviteRow[]>;
  /** Withdraws an unused link; false when unknown or used. */
  deleteInvite(accountId: number, id: number): Promise<boolean>;
};

/** An API key of an account beyond the one it was made with. */
export type ApiKeyRow = {
  readonly id: number;
  readonly accountId: number;
  readonly label: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly createdAt: number;
  readonly revokedAt: number | null;
};

/** Extra API keys of accounts. */
export type ApiKeyStore = {
  /** Inserts a key; refused when the key string is taken. */
  create(key: Omit<ApiKeyRow, 'id' | 'revokedAt'>): Promise<Result<ApiKeyRow, { code: 'key_exists' }>>;
  /** The account's extra keys, oldest first, revoked ones included. */
  list(accountId: number): Promise<ApiKeyRow[]>;
  /** The active extra key of this key string, or null. */
  findActive(apiKey: string): Promise<ApiKeyRow | null>;
  /** Revokes an active extra key of the account; false when none. */
  revoke(accountId: number, apiKey: string, at: number): Promise<boolean>;
  /** Gives an active extra key of the account a new secret; the changed row, or null when none. */
  setSecret(accountId: number, apiKey: string, apiSecret: string): Promise<ApiKeyRow | null>;
  /** Every extra key of every account, revoked ones included (for sealing secrets at start). */
  listAll(): Promise<ApiKeyRow[]>;
  /** Replaces a key's stored secret when it is still `from` (compare-and-set); false when it changed meanwhile. */
  replaceSecret(id: number, from: string, to: string): Promise<boolean>;
};

/** One entry of the audit log as stored. */
export type AuditRow = {
  readonly id: number;
  readonly accountId: number;
  readonly at: number;
  readonly actor: string;
  readonly action: AuditAction;
  readonly target: string;
  readonly detail: string;
};

/** The audit log: appended to, read newest first. */
export type AuditStore = {
  record(entry: Omit<AuditRow, 'id'>): Promise<AuditRow>;
  /** The account's entries with an id below `beforeId` (all when null), newest first, at most `limit`. */
  list(accountId: number, beforeId: number | null, limit: number): Promise<AuditRow[]>;
};
