import {
  toSessionProgress,
  type Result,
  type Session,
  type SessionKey,
  type SessionPhotos,
  type SessionProgress,
} from '@pave/domain';
import type { AccountRow } from '../storage/repository.js';
import { findOwnSession, type FindSessionDeps } from './find-own-session.js';
import { createPhotosCache } from './photos-cache.js';
import { sessionNotFound, type SessionNotFound } from './session-not-found.js';
import { toAttemptRecord, toProgressSession, toSession, toSessionPhoto } from './session-wire.js';

/** What the reads of one session need. */
export type SessionReadsDeps = FindSessionDeps & {
  readonly publicBaseUrl: string;
  /** How many sessions' photos answers to keep in memory (see photos-cache.ts); default 2000. */
  readonly photosCacheSessions?: number;
};

/** The reads of one of the account's sessions: the session itself, its photos (cached by version), its progress. */
export function createSessionReads(deps: SessionReadsDeps) {
  const { repo, publicBaseUrl } = deps;
  const photosCache = createPhotosCache(deps.photosCacheSessions);

  const get = async (account: AccountRow, sessionKey: SessionKey): Promise<Result<Session, SessionNotFound>> => {
    const row = await findOwnSession(deps, account, sessionKey);
    return row ? { ok: true, value: toSession(row, publicBaseUrl) } : sessionNotFound(sessionKey);
  };

  const photos = async (
    account: AccountRow,
    sessionKey: SessionKey,
  ): Promise<Result<SessionPhotos, SessionNotFound>> => {
    const row = await findOwnSession(deps, account, sessionKey);
    if (!row) return sessionNotFound(sessionKey);
    const cached = photosCache.get(row.id, row.photosVersion);
    if (cached) return { ok: true, value: cached };
    const attempts = await repo.attempts.listForSession(row.id);
    const answer = attempts.map((attempt) => toSessionPhoto(attempt, publicBaseUrl));
    photosCache.set(row.id, row.photosVersion, answer);
    return { ok: true, value: answer };
  };

  const progress = async (
    account: AccountRow,
    sessionKey: SessionKey,
  ): Promise<Result<SessionProgress, SessionNotFound>> => {
    const row = await findOwnSession(deps, account, sessionKey);
    if (!row) return sessionNotFound(sessionKey);
    const attempts = await repo.attempts.listForSession(row.id);
    const records = attempts.map((attempt) => toAttemptRecord(attempt, publicBaseUrl));
    return { ok: true, value: toSessionProgress(toProgressSession(row), records) };
  };

  return { get, photos, progress };
}
