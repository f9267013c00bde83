import type {
  LearnedVehicle,
  PhotoCode,
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
};

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
  /** Every account, oldest first, revoked ones included. */
  list(): Promise<AccountRow[]>;
  /** Revokes an active key; false when no active account has it. */
  revoke(apiKey: string, at: number): Promise<boolean>;
  count(): Promise<number>;
};

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
};

/** What `sessions.insert` needs: a new session starts `IDLE` with `updatedAt` = `createdAt`. */
export type NewSession = Pick<SessionRow, 'sessionKey' | 'accountId' | 'settings' | 'createdAt' | 'expiresAt'>;

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
};

/** A compare-and-set status change: applied only while the session is still in `from`. */
export type StatusChange = {
  readonly sessionId: number;
  readonly from: SessionStatus;
  readonly to: SessionStatus;
  readonly at: number;
  /** Also required: the session's photos are still at this `photosVersion` (no attempt appended since). */
  readonly photosVersion?: number;
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

/** Why `attempts.append` refused: the session is gone, or its status is not one the caller allowed. */
export type AppendError = { code: 'session_not_found' } | { code: 'session_closed'; status: SessionStatus };

/** Conditions of `attempts.append`. */
export type AppendOptions = {
  /** Append only while the session is in one of these statuses (checked under the session's lock). */
  readonly whileStatusIn?: readonly SessionStatus[];
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
  add(note: Omit<NoteRow, 'id'>): Promise<NoteRow>;
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

/** The storage of the API: one interface, on SQLite or PostgreSQL. */
export type Repository = {
  readonly dialect: 'sqlite' | 'postgres';
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly attempts: AttemptStore;
  readonly notes: NoteStore;
  readonly rateLimits: RateLimitStore;
  /** Resolves when storage answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes connections; the repository cannot be used afterwards. */
  close(): Promise<void>;
};
