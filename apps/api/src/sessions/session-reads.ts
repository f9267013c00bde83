import {
  toSessionProgress,
  toSessionResults,
  type ResultsNotReady,
  type SessionResults,
  type Result,
  type SessionKey,
  type SessionPhotos,
  type SessionProgress,
} from '@pave/domain';
import type { SecretBox } from '../secrets/secret-box.js';
import type { AccountRow, SessionRow } from '../storage/repository.js';
import { findOwnSession, type FindSessionDeps } from './find-own-session.js';
import { createPhotosCache } from './photos-cache.js';
import { sessionNotFound, type SessionNotFound } from './session-not-found.js';
import { toAttemptRecord, toProgressSession, toSession, toSessionPhoto } from './session-wire.js';

/** What the reads of one session need. */
export type SessionReadsDeps = FindSessionDeps & {
  readonly publicBaseUrl: string;
  /** Opens the sealed capture tokens (see capture-token.ts). */
  readonly secretBox: SecretBox;
  /** How many sessions' photos answers to keep in memory (see photos-cache.ts); default 2000. */
  readonly photosCacheSessions?: number;
};

/** A session's progress, step by step, over its attempts as stored. */
async function progressOf(deps: SessionReadsDeps, row: SessionRow): Promise<SessionProgress> {
  const attempts = await deps.repo.attempts.listForSession(row.id);
  const records = attempts.map((attempt) => toAttemptRecord(attempt, deps.publicBaseUrl));
  return toSessionProgress(toProgressSession(row), records);
}

/** The reads of one of the account's sessions: the session itself, its photos (cached by version), its progress. */
export function createSessionReads(deps: SessionReadsDeps) {
  const { repo, publicBaseUrl } = deps;
  const photosCache = createPhotosCache(deps.photosCacheSessions);

  /** What `read` makes of the account's session with this key, or the refusal when it is not found. */
  const readOwn = async <T>(
    account: AccountRow,
    sessionKey: SessionKey,
    read: (row: SessionRow) => T | Promise<T>,
  ): Promise<Result<T, SessionNotFound>> => {
    const row = await findOwnSession(deps, account, sessionKey);
    return row ? { ok: true, value: await read(row) } : sessionNotFound(sessionKey);
  };

  const photosOf = async (row: SessionRow): Promise<SessionPhotos> => {
    const cached = photosCache.get(row.id, row.photosVersion);
    if (cached) return cached;
    const attempts = await repo.attempts.listForSession(row.id);
    const photos = attempts.map((attempt) => toSessionPhoto(attempt, publicBaseUrl));
    photosCache.set(row.id, row.photosVersion, photos);
    return photos;
  };

  /** `GET …/results`: the results document of a `COMPLETE` session, its photos the very answer of `GET …/photos`. */
  const results = async (
    account: AccountRow,
    sessionKey: SessionKey,
  ): Promise<Result<SessionResults, SessionNotFound | ResultsNotReady>> => {
    const row = await findOwnSession(deps, account, sessionKey);
    if (!row) return sessionNotFound(sessionKey);
    const session = toSession(row, publicBaseUrl, deps.secretBox);
    if (session.status !== 'COMPLETE') return toSessionResults(session, [], account.username);
    return toSessionResults(session, await photosOf(row), account.username);
  };

  return {
    results,
    get: (account: AccountRow, sessionKey: SessionKey) =>
      readOwn(account, sessionKey, (row) => toSession(row, publicBaseUrl, deps.secretBox)),
    photos: (account: AccountRow, sessionKey: SessionKey) => readOwn(account, sessionKey, photosOf),
    progress: (account: AccountRow, sessionKey: SessionKey) =>
      readOwn(account, sessionKey, (row) => progressOf(deps, row)),
  };
}
