import type { Generated } from 'kysely';

// The tables of people and roles (issue 19). Timestamps are epoch milliseconds.

/** The `users` table: the people of an account. */
export type UsersTable = {
  id: Generated<number>;
  account_id: number;
  /** Lower-cased; unique over every account (people sign in with it alone). */
  email: string;
  /** `scrypt$<N>$<r>$<p>$<salt>$<hash>` (accounts/password-hash.ts). */
  password_hash: string;
  role: string;
  created_at: number;
  last_login_at: number | null;
};

/** The `user_sessions` table: signed-in browsers. The cookie holds the token; only its SHA-256 is kept. */
export type UserSessionsTable = {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  /** What the browser must send as `X-CSRF-Token` on state-changing requests. */
  csrf_token: string;
  created_at: number;
  expires_at: number;
};

/** The `invites` table: one-time links (invites and password resets); only the token's SHA-256 is kept. */
export type InvitesTable = {
  id: Generated<number>;
  account_id: number;
  token_hash: string;
  kind: string;
  email: string;
  role: string;
  /** The person whose password a reset link sets; null for an invite. */
  user_id: number | null;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
};

/** The `api_keys` table: an account's keys beyond the one it was made with. */
export type ApiKeysTable = {
  id: Generated<number>;
  account_id: number;
  label: string;
  api_key: string;
  api_secret: string;
  created_at: number;
  revoked_at: number | null;
};

/** The `audit_log` table: who did what, per account. */
export type AuditLogTable = {
  id: Generated<number>;
  account_id: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  detail: string;
};

/** The people tables, for Kysely. */
export type PeopleTables = {
  users: UsersTable;
  user_sessions: UserSessionsTable;
  invites: InvitesTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
};
