import type { EventNotices } from './event-notices.js';
import type { ApiKeyStore, AuditStore, UserStore } from './people-repository.js';
import type {
  AttemptLimits,
  AttemptsExhausted,
  CallbackEvent,
  CallbackMethod,
  CallbackPayload,
  DeliveryState,
  LearnedVehicle,
  PhotoCode,
  SessionEventPayload,
  SessionNote,
  QaMeasures,
  QaReasonCode,
  Result,
  SessionKey,
  SessionSettings,
  SessionStatus,
} from '@pave/domain';

// Every timestamp here is epoch milliseconds (a number); the wire spelling is made in sessions/session-wire.ts.

/** An account: who may call the API, with which key and secret. */
export type AccountRow = {
  readonly id: number;
  readonly username: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** How long an unfinished session lives before it becomes `EXPIRED`. */
  readonly expirySeconds: number;
  readonly createdAt: number;
  /** Null while the key is active; a revoked key is treated as unknown. */
  readonly revokedAt: number | null;
  /** Bytes of the images its sessions hold (full and thumbnail; images stored before migration 0030 not counted). */
  readonly storedImageBytes: number;
  /** The secret before the last rotation, still accepted until `previousSecretExpiresAt`; null when none. */
  readonly previousApiSecret: string | null;
  readonly previousSecretExpiresAt: number | null;
};

/** A rotation of an active key's secret: the current one becomes the previous one, accepted until `previousUntil`. */
export type SecretRotation = { readonly apiKey: string; readonly apiSecret: string; readonly previousUntil: number };

/** An account's stored secrets (as stored: sealed, or plain in rows from before sealing). */
export type StoredSecrets = { readonly apiSecret: string; readonly previousApiSecret: string | null };

/** What `accounts.create` needs; `expirySeconds` defaults to 7 days. */
export type NewAccount = {
  readonly username: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly expirySeconds?: number;
  readonly createdAt: number;
};

/** Accounts and their API keys. */
export type AccountStore = {
  /** Inserts an account; refused when the username or the API key is taken. */
  create(account: NewAccount): Promise<Result<AccountRow, { code: 'account_exists' }>>;
  /** The account of an active (not revoked) API key, or null. */
  findByApiKey(apiKey: string): Promise<AccountRow | null>;
  findByUsername(username: string): Promise<AccountRow | null>;
  /** The account of an id, revoked or not; null when unknown. */
  findById(id: number): Promise<AccountRow | null>;
  /** Every account, oldest first, revoked ones included. */
  list(): Promise<AccountRow[]>;
  /** Revokes an active key; false when no active account has it. */
  revoke(apiKey: string, at: number): Promise<boolean>;
  /** Rotates an active key's secret (see {@link SecretRotation}); the changed account, or null when none has the key. */
  rotateSecret(rotation: SecretRotation): Promise<AccountRow | null>;
  /** Replaces an account's stored secrets if they are still `from` (compare-and-set); false otherwise. */
  replaceSecrets(id: number, from: StoredSecrets, to: StoredSecrets): Promise<boolean>;
  count(): Promise<number>;
};

/** What is stored of a capture link's token: its SHA-256 (base64url) and the token sealed with the secret key. */
export type CaptureTokenRecord = { readonly hash: string; readonly sealed: string };

/** A session as stored. */
export type SessionRow = {
  readonly id: number;
  readonly sessionKey: SessionKey;
  readonly accountId: number;
  readonly status: SessionStatus;
  /** What the integrator set (at creation, changed by updates). */
  readonly settings: SessionSettings;
  /** What capture learned: the latest typed VIN and odometer reading. */
  readonly learned: LearnedVehicle;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** `createdAt` + the account's expiry window at creation. */
  readonly expiresAt: number;
  /** When the status first moved into a capturing one (see the domain's `inspectionMarksOf`); null before. */
  readonly inspectStartedAt: number | null;
  /** When the status moved to `COMPLETE`; null before. */
  readonly inspectEndedAt: number | null;
  /** Why the session was invalidated; null unless `INVALID`. */
  readonly invalidReason: string | null;
  /** Raised by every change of `settings` (see `SessionStore.updateSettings`). */
  readonly version: number;
  /** Raised by every appended attempt (see `AttemptStore.append`): the version of the session's photos. */
  readonly photosVersion: number;
  /** Null only for a session created before capture tokens, until the start-up backfill gives it one. */
  readonly captureToken: CaptureTokenRecord | null;
};

/** What `sessions.insert` needs: a new session starts `IDLE` with `updatedAt` = `createdAt`. */
export type NewSession = Pick<
  SessionRow,
  'sessionKey' | 'accountId' | 'settings' | 'createdAt' | 'expiresAt' | 'captureToken'
>;

/**
 * A compare-and-set change of a session's settings: applied only while the session is still in `status`, at
 * `version` (no other settings change since) and at `photosVersion` (no attempt appended since), so the rules it
 * was checked against still hold. Raises `version`.
 */
export type SettingsChange = {
  readonly sessionId: number;
  readonly status: SessionStatus;
  readonly version: number;
  readonly photosVersion: number;
  readonly settings: SessionSettings;
  readonly at: number;
};

/** A compare-and-set invalidation: applied only while the session is still in `from`. */
export type Invalidation = {
  readonly sessionId: number;
  readonly from: SessionStatus;
  readonly reason: string;
  readonly at: number;
};

/** Where a page of the session list starts: after this (created_at, id), newest first. */
export type SessionCursor = { readonly createdAt: number; readonly id: number };

/** One page of an account's sessions, newest first. */
export type SessionPageQuery = {
  readonly accountId: number;
  readonly status?: SessionStatus;
  readonly limit: number;
  readonly after: SessionCursor | null;
  /**
   * Lower-case text that the session key, the client id, the typed VIN, the given vehicle or the client reference
   * (as stored) contains; absent: no search.
   */
  readonly search?: string;
  /** `created_at` at or after (ms); absent: no lower bound. */
  readonly createdFrom?: number;
  /** `created_at` before (ms); absent: no upper bound. */
  readonly createdBefore?: number;
};

/** A compare-and-set status change: applied only while the session is still in `from`. */
export type StatusChange = {
  readonly sessionId: number;
  readonly from: SessionStatus;
  readonly to: SessionStatus;
  readonly at: number;
  /** Also required: the session's photos are still at this `photosVersion` (no attempt appended since). */
  readonly photosVersion?: number;
  /** Also required: the session's `expiresAt` is after this time (an overdue session moves only to `EXPIRED`). */
  readonly notExpiredAt?: number;
  /** Events recorded with the change, after its `SESSION:STATUS_CHANGE` (which is always recorded). */
  readonly events?: readonly SessionEventPayload[];
};

/** Which sessions a lookup may see: one account's, or any (the capture link, which carries no credentials). */
export type SessionScope = { readonly accountId: number } | 'any';

/** Sessions. */
export type SessionStore = {
  /** Inserts a session; null when its key is already taken (the caller retries with a new key). */
  insert(session: NewSession): Promise<SessionRow | null>;
  findByKey(sessionKey: SessionKey, scope: SessionScope): Promise<SessionRow | null>;
  listPage(query: SessionPageQuery): Promise<SessionRow[]>;
  /** Deletes the account's session only while its status is deletable (the domain's `deletableStatuses`: `IDLE`), atomically. */
  deleteIfIdle(accountId: number, sessionKey: SessionKey): Promise<'deleted' | 'not_idle' | 'not_found'>;
  /**
   * Applies a status change if the session is still in `change.from` (and at `change.photosVersion`); false
   * otherwise. Marks `inspectStartedAt` / `inspectEndedAt` (first time only) as the domain's `inspectionMarksOf` says.
   */
  updateStatus(change: StatusChange): Promise<boolean>;
  /** Applies a settings change (compare-and-set, see {@link SettingsChange}); the changed row, or null when it lost. */
  updateSettings(change: SettingsChange): Promise<SessionRow | null>;
  /** Makes the session `INVALID` with its reason if it is still in `from`; false otherwise. */
  invalidate(change: Invalidation): Promise<boolean>;
  /** Turns `IDLE`/`STARTED`/`PROCESS` sessions whose `expiresAt` has passed into `EXPIRED`; returns how many. */
  expireOverdue(at: number, scope: SessionScope): Promise<number>;
  /** Up to `limit` sessions without a capture token (created before tokens existed), by id. */
  listWithoutCaptureToken(limit: number): Promise<SessionRow[]>;
  /** Gives a session its capture token if it has none yet; false when it already has one or is gone. */
  setCaptureToken(sessionId: number, token: CaptureTokenRecord): Promise<boolean>;
};

/** How an attempt came to be: a photo, a typed-in value (VIN, odometer) or a skipped exterior step. */
export type AttemptKind = 'photo' | 'manual' | 'skip';

/** The QA verdict of a photo: accepted, or rejected with a reason code (or PAVE's free text). */
export type AttemptVerdict =
  { readonly approved: true } | { readonly approved: false; readonly reason: QaReasonCode | { readonly text: string } };

type NewAttemptBase = {
  readonly sessionId: number;
  readonly photoCode: PhotoCode;
  /** When the attempt was captured (the previous attempt of this code gets this as its `updated_at`). */
  readonly createdAt: number;
  /** When its verdict was made; the attempt's `updated_at` until a retake supersedes it. */
  readonly verdictAt: number;
};

/** A new attempt, by kind. Manual entries are accepted; skips are rejected as `skipped`. */
export type NewAttempt =
  | (NewAttemptBase & {
      readonly kind: 'photo';
      /** Unguessable id of the stored image (served at `/images/<imageId>.jpg`). */
      readonly imageId: string;
      /** Bytes of the stored image and its thumbnail: added to the account's `storedImageBytes` with the row. */
      readonly imageBytes: number;
      readonly verdict: AttemptVerdict;
      readonly qaMeasures: QaMeasures;
      readonly processingMs: number | null;
    })
  | (NewAttemptBase & { readonly kind: 'manual'; readonly manualValue: string })
  | (NewAttemptBase & { readonly kind: 'skip' });

/** An attempt as stored. */
export type AttemptRow = {
  readonly id: number;
  readonly sessionId: number;
  /** Capture order within the session (1, 2, …). */
  readonly seq: number;
  readonly photoCode: PhotoCode;
  readonly kind: AttemptKind;
  readonly approved: boolean;
  /** The rejection reason's text; null when accepted. */
  readonly reason: string | null;
  /** The rejection reason's code; null when accepted or for free text. */
  readonly reasonCode: QaReasonCode | null;
  readonly imageId: string | null;
  readonly manualValue: string | null;
  readonly qaMeasures: QaMeasures;
  readonly processingMs: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly verdictAt: number;
};

/** An appended attempt, and its session's attempts right after it. */
export type AppendedAttempt = { readonly attempt: AttemptRow; readonly attempts: readonly AttemptRow[] };

/**
 * Why `attempts.append` refused: the session is gone, its status is not one the caller allowed, it holds as many
 * attempts as a cap allows, or its account's images would go over the quota.
 */
export type AppendError =
  | { code: 'session_not_found' }
  | { code: 'session_closed'; status: SessionStatus }
  | Omit<AttemptsExhausted, 'photoCode'>
  | { code: 'storage_quota_exceeded'; quotaBytes: number };

/** Conditions of `attempts.append`. */
export type AppendOptions = {
  /** Append only while the session is in one of these statuses (checked under the session's lock). */
  readonly whileStatusIn?: readonly SessionStatus[];
  /**
   * Append only while the session's `expiresAt` is after this time (checked under the session's lock); an overdue
   * session refuses as `session_closed` with status `EXPIRED`.
   */
  readonly notExpiredAt?: number;
  /** Events recorded in the append's transaction, made from the stored attempt (its `SESSION:STAGE_CHANGE`). */
  readonly events?: (row: AttemptRow) => readonly SessionEventPayload[];
  /** Append only while the session holds fewer attempts than these caps, of the step and in all (under its lock). */
  readonly limits?: AttemptLimits;
  /**
   * Append a photo only while its account's `storedImageBytes` plus the photo's stay within this (0: no quota).
   * The account's sum grows with the row either way, atomically (concurrent appends never both pass the quota).
   */
  readonly quotaBytes?: number;
};

/** Capture attempts. */
export type AttemptStore = {
  /** A session's attempts in capture order: `createdAt` ascending, then `seq`. */
  listForSession(sessionId: number): Promise<AttemptRow[]>;
  /**
   * Appends an attempt as the session's next `seq`, in one transaction holding the session's lock that also sets
   * the `updated_at` of the previous latest attempt of the same photo code (the one this retake supersedes) to
   * the new `createdAt` and the session's `updated_at` to `createdAt`.
   *
   * `createdAt` is taken when an upload arrives, but uploads commit in the order their QA finishes; so the stored
   * `createdAt` is raised to the latest one already stored for the session (and `verdictAt` to `createdAt`):
   * capture order (`seq`) and `created_at` order always agree, and no `updated_at` is before its `created_at`.
   * Refused when the session no longer exists or is not in `options.whileStatusIn`.
   */
  append(attempt: NewAttempt, options?: AppendOptions): Promise<Result<AttemptRow, AppendError>>;
  /**
   * {@link AttemptStore.append}, answering also the session's attempts as the append left them (in capture order,
   * the new one last, the superseded one's `updatedAt` moved): what `listForSession` would read right after it.
   */
  appendReading(attempt: NewAttempt, options?: AppendOptions): Promise<Result<AppendedAttempt, AppendError>>;
  /** Which of these image ids some attempt points to (queried in batches, so any number of ids is fine). */
  findReferencedImageIds(imageIds: readonly string[]): Promise<Set<string>>;
};

/** A note on a session as stored. */
export type NoteRow = {
  readonly id: number;
  readonly sessionId: number;
  readonly note: string;
  readonly author: string;
  readonly createdAt: number;
};

/** Reviewers' notes on sessions (deleted with their session). */
export type NoteStore = {
  /** Adds a note and, in the same transaction, its `SESSION:NOTE_INSERT` (the note spelled by `toWire`). */
  add(note: Omit<NoteRow, 'id'>, toWire: (row: NoteRow) => SessionNote): Promise<NoteRow>;
  /** A session's notes, oldest first. */
  listForSession(sessionId: number): Promise<NoteRow[]>;
};

/** Request counters per API key and fixed window, shared by every instance on the same storage. */
export type RateLimitStore = {
  /** Counts one request of `apiKey` in the window starting at `windowStart`, atomically; returns the new count. */
  hit(apiKey: string, windowStart: number): Promise<number>;
  /** Deletes the counters of windows that started before `before`; returns how many. */
  prune(before: number): Promise<number>;
};

/** A session event as recorded in the outbox (`session_events`), its payload typed by its event. */
export type SessionEventRow = SessionEventPayload & {
  readonly id: number;
  /** The public id (`msg_…`): every delivery of the event carries it as `webhook-id`. */
  readonly eventId: string;
  readonly accountId: number;
  readonly sessionId: number;
  readonly sessionKey: SessionKey;
  /** 1, 2, 3… per session. */
  readonly seq: number;
  readonly createdAt: number;
};

/**
 * Session events. They are written only by the changes that cause them (status changes, attempts, …), in the
 * same transaction; this store reads them and tells listeners about new ones.
 */
export type EventStore = {
  /** A session's events with `seq` above `afterSeq` (0: all), in `seq` order, at most `limit` (default 1000). */
  listForSession(sessionId: number, afterSeq?: number, limit?: number): Promise<SessionEventRow[]>;
  /** An account's events with `id` above `afterId` (0: all), in `id` order, at most `limit` (default 1000). */
  listForAccount(accountId: number, afterId?: number, limit?: number): Promise<SessionEventRow[]>;
  /** The largest event `id` of the account (0 when none): where a stream that starts now begins. */
  lastIdOfAccount(accountId: number): Promise<number>;
  /** Calls `listener` after each commit of this instance that recorded events; returns the unsubscribe function. */
  onRecorded(listener: (recorded: RecordedEvents) => void): () => void;
};

/** The events one commit recorded, and how many deliveries of them it queued (0: no callback of theirs). */
export type RecordedEvents = { readonly events: readonly SessionEventRow[]; readonly deliveries: number };

/** A callback configuration as stored. */
export type CallbackRow = {
  readonly id: number;
  readonly accountId: number;
  readonly event: CallbackEvent;
  readonly url: string;
  readonly method: CallbackMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: CallbackPayload;
  readonly createdAt: number;
  readonly updatedAt: number;
};

/** What `callbacks.save` writes: the whole configuration of one event. */
export type CallbackSettings = Pick<CallbackRow, 'accountId' | 'event' | 'url' | 'method' | 'headers' | 'payload'>;

/** Callback configurations: one per account and event. */
export type CallbackStore = {
  /** The account's callbacks, in event order of creation. */
  list(accountId: number): Promise<CallbackRow[]>;
  find(accountId: number, event: CallbackEvent): Promise<CallbackRow | null>;
  /** Creates or replaces the account's callback of `settings.event`. */
  save(settings: CallbackSettings, at: number): Promise<CallbackRow>;
  /** Removes the account's callback of `event`; false when it had none. */
  remove(accountId: number, event: CallbackEvent): Promise<boolean>;
};

/** An account's signing secret, and the previous one while it still signs. */
export type SigningSecretRow = {
  readonly accountId: number;
  readonly secret: string;
  readonly createdAt: number;
  readonly previousSecret: string | null;
  readonly previousExpiresAt: number | null;
};

/** Signing secrets (one per account). */
export type SigningSecretStore = {
  /** The account's secret, created from `create()` on first use (concurrent first uses agree on one). */
  ensure(accountId: number, create: () => string, at: number): Promise<SigningSecretRow>;
  /** Replaces the secret; the current one keeps signing until `previousUntil`. */
  rotate(accountId: number, secret: string, at: number, previousUntil: number): Promise<SigningSecretRow>;
};

/** One try of a delivery. */
export type DeliveryAttemptRow = {
  readonly at: number;
  readonly url: string;
  readonly statusCode: number | null;
  readonly latencyMs: number;
  readonly error: string | null;
};

/** A delivery of one event to its account's callback, with its tries (oldest first). */
export type DeliveryRow = {
  readonly id: number;
  readonly accountId: number;
  readonly eventId: string;
  readonly event: CallbackEvent;
  readonly sessionKey: SessionKey;
  readonly seq: number;
  readonly state: DeliveryState;
  readonly failedTries: number;
  readonly nextAttemptAt: number | null;
  readonly createdAt: number;
  readonly deliveredAt: number | null;
  readonly attempts: readonly DeliveryAttemptRow[];
};

/** A claimed delivery: what a dispatcher needs to send it. */
export type ClaimedDelivery = {
  readonly id: number;
  readonly failedTries: number;
  readonly event: SessionEventRow;
  /** The account's current callback of the event; null when it was removed since. */
  readonly callback: CallbackRow | null;
  /** The account's signing secret; null when none was made yet. */
  readonly signing: SigningSecretRow | null;
};

/** How a try ended: delivered, to be tried again at `nextAttemptAt`, or given up. */
export type DeliveryOutcome =
  | { readonly state: 'delivered' }
  | { readonly state: 'pending'; readonly nextAttemptAt: number }
  | { readonly state: 'failed' };

/** Filters and page of the delivery log. */
export type DeliveryQuery = {
  readonly accountId: number;
  readonly event?: CallbackEvent;
  readonly sessionKey?: SessionKey;
  readonly state?: DeliveryState;
  readonly limit: number;
  /** Only deliveries with a smaller id (the next page). */
  readonly beforeId: number | null;
};

/** The backlog of pending deliveries, for metrics. */
export type DeliveryBacklog = { readonly pending: number; readonly oldestCreatedAt: number | null };

/** Deliveries: created with their events, claimed and sent by dispatchers. */
export type DeliveryStore = {
  /**
   * Claims up to `limit` due deliveries (pending, `nextAttemptAt` passed, not claimed or claim expired) until
   * `leaseUntil`. On PostgreSQL, concurrent claims skip each other's rows (`FOR UPDATE SKIP LOCKED`).
   */
  claimDue(options: {
    readonly at: number;
    readonly leaseUntil: number;
    readonly limit: number;
  }): Promise<ClaimedDelivery[]>;
  /** Releases claimed deliveries without a try, due again at `until` (their receiver's host was busy). */
  postpone(ids: readonly number[], until: number): Promise<void>;
  /** Records a try and its outcome, releasing the claim, in one transaction. */
  recordAttempt(deliveryId: number, attempt: DeliveryAttemptRow, outcome: DeliveryOutcome): Promise<void>;
  list(query: DeliveryQuery): Promise<DeliveryRow[]>;
  find(accountId: number, id: number): Promise<DeliveryRow | null>;
  /** Makes the account's delivery pending again, due at `at`, with a fresh retry schedule; null when unknown. */
  redeliver(accountId: number, id: number, at: number): Promise<DeliveryRow | null>;
  backlog(): Promise<DeliveryBacklog>;
  /** When the earliest pending delivery is due; null when none is pending. */
  nextDueAt(): Promise<number | null>;
};

/** Why a session was erased: someone asked (`POST …/erase`), or retention (`PAVE_RETENTION_DAYS`). */
export type ErasureReason = 'request' | 'retention';

/** What an erasure removed: the images to delete from the image store are the caller's to remove, after the commit. */
export type ErasedSession = {
  readonly sessionKey: string;
  readonly accountId: number;
  readonly attempts: number;
  readonly imageIds: readonly string[];
  /** Image bytes given back to the account's quota. */
  readonly bytes: number;
};

/** The tombstone an erasure leaves: no vehicle, no photo, no note; only that the session existed and was erased. */
export type ErasureRow = {
  readonly sessionKey: string;
  readonly reason: ErasureReason;
  readonly erasedAt: number;
  readonly attempts: number;
  readonly images: number;
};

/** Erasing sessions for good (privacy): rows first, in one transaction, then the caller removes the images. */
export type ErasureStore = {
  /**
   * Deletes the session with its attempts, notes and events (deliveries go with their events), gives its image bytes
   * back to the account and records a tombstone, in one transaction holding the session's lock; null when the session
   * is already gone (another instance erased it). The images are not touched: remove `imageIds` once this returns
   * (a crash in between leaves orphans, which the image sweep removes).
   */
  erase(sessionId: number, reason: ErasureReason, at: number): Promise<ErasedSession | null>;
  /** Up to `limit` ids of terminal sessions (COMPLETE, EXPIRED, INVALID) last changed before `finishedBefore`. */
  listDue(finishedBefore: number, limit: number): Promise<number[]>;
  /** The account's tombstones, oldest first. */
  list(accountId: number): Promise<ErasureRow[]>;
};

/** The storage of the API: one interface, on SQLite or PostgreSQL. */
export type Repository = {
  readonly dialect: 'sqlite' | 'postgres';
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly attempts: AttemptStore;
  readonly notes: NoteStore;
  readonly rateLimits: RateLimitStore;
  readonly erasures: ErasureStore;
  readonly events: EventStore;
  readonly callbacks: CallbackStore;
  readonly signingSecrets: SigningSecretStore;
  readonly deliveries: DeliveryStore;
  /** People, their browser sessions and one-time links (issue 19). */
  readonly users: UserStore;
  readonly apiKeys: ApiKeyStore;
  readonly audit: AuditStore;
  /**
   * Notices of recorded events: this instance's, and on PostgreSQL every instance's (LISTEN/NOTIFY). What live
   * streams wait on; they read the events themselves.
   */
  readonly notices: EventNotices;
  /** Resolves when storage answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes connections; the repository cannot be used afterwards. */
  close(): Promise<void>;
};
