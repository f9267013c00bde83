import type { ColumnType, Generated } from 'kysely';
import type { PeopleTables } from './people-tables.js';

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
  /** Bytes of the images its sessions' attempts point to (full and thumbnail), counted since migration 0030. */
  stored_image_bytes: Generated<number>;
  /** The secret before the last rotation (sealed), accepted until `previous_secret_expires_at`; null when none. */
  previous_api_secret: string | null;
  previous_secret_expires_at: number | null;
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
  /** SHA-256 (base64url) of the capture link's token; null only for sessions made before capture tokens. */
  capture_token_hash: string | null;
  /** The capture link's token, sealed with the secret key (secrets/secret-box.ts). */
  capture_token_sealed: string | null;
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
  /** Bytes of the attempt's stored image and thumbnail; null without an image or for attempts before 0030. */
  image_bytes: number | null;
};

/** The `session_erasures` table: one tombstone per erased session (no vehicle, photo or note of it is kept). */
export type SessionErasuresTable = {
  id: Generated<number>;
  session_key: string;
  account_id: number;
  /** `request` (POST …/erase) or `retention` (PAVE_RETENTION_DAYS). */
  reason: string;
  erased_at: number;
  attempts: number;
  images: number;
};

/** The `rate_limits` table: requests counted per API key and fixed one-minute window. */
export type RateLimitsTable = {
  api_key: string;
  /** Epoch milliseconds of the window's start (a multiple of 60 000). */
  window_start: number;
  count: number;
};

/** The `session_events` table: the transactional outbox, one row per event, numbered per session. */
export type SessionEventsTable = {
  id: Generated<number>;
  /** The event's public id (`msg_…`): the `webhook-id` of its deliveries. */
  event_id: string;
  account_id: number;
  session_id: number;
  session_key: string;
  /** 1, 2, 3… per session, assigned under the session's lock in the transaction of the change. */
  seq: number;
  event: string;
  /** The event's payload as JSON text (its schema in @pave/domain, `eventPayloadSchemas`). */
  payload: string;
  created_at: number;
};

/** The `callbacks` table: one configuration per account and event (PAVE's `/v1/callbacks`). */
export type CallbacksTable = {
  id: Generated<number>;
  account_id: number;
  event: string;
  url: string;
  method: string;
  /** Custom headers as JSON text. */
  headers_json: string;
  /** Custom payload keys as JSON text. */
  payload_json: string;
  created_at: number;
  updated_at: number;
};

/** The `signing_secrets` table: each account's Standard Webhooks secret, and the previous one while it still signs. */
export type SigningSecretsTable = {
  account_id: number;
  secret: string;
  created_at: number;
  previous_secret: string | null;
  /** Until when `previous_secret` signs alongside; null without one. */
  previous_expires_at: number | null;
};

/** The `deliveries` table: one event to be sent to one account's callback. */
export type DeliveriesTable = {
  id: Generated<number>;
  account_id: number;
  session_event_id: number;
  event: string;
  session_key: string;
  state: string;
  /** Failed tries since the delivery was (re)started: picks the next delay of the retry schedule. */
  failed_tries: number;
  /** When the next try is due; null once delivered or failed. */
  next_attempt_at: number | null;
  /** A claim by a dispatcher holds until then; an expired claim (a crashed instance) is claimed again. */
  lease_until: number | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
};

/** The `delivery_attempts` table: one row per try of a delivery. */
export type DeliveryAttemptsTable = {
  id: Generated<number>;
  delivery_id: number;
  attempted_at: number;
  url: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
};

/** Every table, for Kysely. */
export type Database = {
  accounts: AccountsTable;
  sessions: SessionsTable;
  attempts: AttemptsTable;
  session_notes: SessionNotesTable;
  rate_limits: RateLimitsTable;
  session_erasures: SessionErasuresTable;
  session_events: SessionEventsTable;
  callbacks: CallbacksTable;
  signing_secrets: SigningSecretsTable;
  deliveries: DeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
} & PeopleTables;

/** Which SQL engine a Kysely instance talks to: the few places where DDL differs. */
export type StorageDialect = 'sqlite' | 'postgres';
