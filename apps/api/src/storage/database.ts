import type { ColumnType, Generated } from 'kysely';

// Integers come back as numbers from SQLite and from PostgreSQL (int8 is parsed in postgres-repository.ts).
// Booleans are written as 0/1 (better-sqlite3 cannot bind booleans; PostgreSQL casts '0'/'1' to boolean).
type Flag = ColumnType<number | boolean, 0 | 1, 0 | 1>;

/** The `accounts` table. Timestamps are epoch milliseconds. */
export type AccountsTable = {
  id: Generated<number>;
  username: string;
  api_key: string;
  api_secret: string;
  expiry_seconds: Generated<number>;
  created_at: number;
  /** Null while the key is active. */
  revoked_at: number | null;
};

/** The `sessions` table. */
export type SessionsTable = {
  id: Generated<number>;
  session_key: string;
  account_id: number;
  status: string;
  theme: string;
  language: string;
  redirect_url: string | null;
  client_id: string | null;
  /** The `vehicle` given at creation, as JSON text; null when none was given. */
  vehicle_json: string | null;
  created_at: number;
  updated_at: number;
  expires_at: number;
  /** Raised by every attempt appended: a cached photos answer of another version is stale. */
  photos_version: Generated<number>;
  /** The create body's `session.contact` / `session.reference` / `sms`, as JSON text; null when none was given. */
  contact_json: string | null;
  reference_json: string | null;
  sms_json: string | null;
  /** When the capture started / was completed; null before. */
  inspect_started_at: number | null;
  inspect_ended_at: number | null;
  /** Why the session was invalidated; null unless INVALID. */
  invalid_reason: string | null;
  /** Raised by every settings change (PUT): the compare-and-set version of updates. */
  version: Generated<number>;
  /** The latest typed VIN and odometer reading (kept with the attempt that typed them). */
  learned_vin: string | null;
  learned_odometer: number | null;
};

/** The `session_notes` table: reviewers' notes, deleted with their session. */
export type SessionNotesTable = {
  id: Generated<number>;
  session_id: number;
  note: string;
  author: string;
  created_at: number;
};

/** The `attempts` table: one row per capture attempt (photo, typed-in value or skip). */
export type AttemptsTable = {
  id: Generated<number>;
  session_id: number;
  seq: number;
  photo_code: number;
  kind: string;
  approved: Flag;
  reason: string | null;
  reason_code: string | null;
  image_id: string | null;
  manual_value: string | null;
  /** QA measures as JSON text. */
  qa_measures: string | null;
  processing_ms: number | null;
  created_at: number;
  updated_at: number;
  verdict_at: number;
};

/** The `rate_limits` table: requests counted per API key and fixed one-minute window. */
export type RateLimitsTable = {
  api_key: string;
  /** Epoch milliseconds of the window's start (a multiple of 60 000). */
  window_start: number;
  count: number;
};

/** Every table, for Kysely. */
export type Database = {
  accounts: AccountsTable;
  sessions: SessionsTable;
  attempts: AttemptsTable;
  session_notes: SessionNotesTable;
  rate_limits: RateLimitsTable;
};

/** Which SQL engine a Kysely instance talks to: the few places where DDL differs. */
export type StorageDialect = 'sqlite' | 'postgres';
