import {
  defaultSessionLanguage,
  defaultSessionTheme,
  sessionRemovedMessage,
  toSessionProgress,
  type CreateSessionRequest,
  type DeleteSessionResponse,
  type ListSessionsQuery,
  type Result,
  type Session,
  type SessionKey,
  type SessionList,
  type SessionPhotos,
  type SessionProgress,
} from '@pave/domain';
import type { AccountRow, Repository, SessionRow } from '../storage/repository.js';
import { expireIfDue } from './expire-on-access.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';
import { createPhotosCache } from './photos-cache.js';
import { createSessionKey, type RandomInt } from './session-key.js';
import { toAttemptRecord, toProgressSession, toSession, toSessionPhoto } from './session-wire.js';

/** What the sessions service needs. */
export type SessionsDeps = {
  readonly repo: Repository;
  readonly now: () => Date;
  readonly randomInt: RandomInt;
  readonly publicBaseUrl: string;
  /** How many sessions' photos answers to keep in memory (see photos-cache.ts); default 2000. */
  readonly photosCacheSessions?: number;
};

/** The session is unknown, malformed or another account's: all look the same. */
export type SessionNotFound = { code: 'not_found'; sessionKey: SessionKey };

/** How many fresh keys `create` tries before giving up (a collision is already ~1 in 36^10). */
export const sessionKeyTries = 8;

/** The Sessions API: create, read, list, delete sessions and read their photos and progress. */
export function createSessionsService(deps: SessionsDeps) {
  const { repo, publicBaseUrl } = deps;
  const photosCache = createPhotosCache(deps.photosCacheSessions);

  const find = async (account: AccountRow, sessionKey: SessionKey): Promise<SessionRow | null> => {
    const row = await repo.sessions.findByKey(sessionKey, { accountId: account.id });
    return row ? expireIfDue(repo.sessions, row, deps.now(), { accountId: account.id }) : null;
  };

  const notFound = (sessionKey: SessionKey) => ({ ok: false, error: { code: 'not_found', sessionKey } }) as const;

  return {
    async create(account: AccountRow, request: CreateSessionRequest): Promise<Session> {
      const createdAt = deps.now().getTime();
      for (let attempt = 0; attempt < sessionKeyTries; attempt += 1) {
        const row = await repo.sessions.insert({
          sessionKey: createSessionKey(account.username, deps.randomInt),
          accountId: account.id,
          theme: request.theme ?? defaultSessionTheme,
          language: request.language ?? defaultSessionLanguage,
          redirectUrl: request.redirect_url ?? null,
          clientId: request.client_id ?? null,
          vehicle: request.vehicle ?? null,
          createdAt,
          expiresAt: createdAt + account.expirySeconds * 1000,
        });
        if (row) return toSession(row, publicBaseUrl);
      }
      throw new Error(`invariant: a free session key is found within ${sessionKeyTries} tries`);
    },

    async get(account: AccountRow, sessionKey: SessionKey): Promise<Result<Session, SessionNotFound>> {
      const row = await find(account, sessionKey);
      return row ? { ok: true, value: toSession(row, publicBaseUrl) } : notFound(sessionKey);
    },

    async list(
      account: AccountRow,
      query: ListSessionsQuery,
    ): Promise<Result<SessionList, { code: 'invalid_cursor' }>> {
      const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
      if (query.cursor !== undefined && after === null) return { ok: false, error: { code: 'invalid_cursor' } };
      await repo.sessions.expireOverdue(deps.now().getTime(), { accountId: account.id });
      const rows = await repo.sessions.listPage({
        accountId: account.id,
        ...(query.status === undefined ? {} : { status: query.status }),
        limit: query.limit + 1,
        after,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const nextCursor = rows.length > query.limit && last ? encodeCursor(last) : null;
      return {
        ok: true,
        value: { sessions: page.map((row) => toSession(row, publicBaseUrl)), next_cursor: nextCursor },
      };
    },

    async remove(
      account: AccountRow,
      sessionKey: SessionKey,
    ): Promise<Result<DeleteSessionResponse, SessionNotFound | { code: 'session_started'; sessionKey: SessionKey }>> {
      if (!(await find(account, sessionKey))) return notFound(sessionKey);
      const outcome = await repo.sessions.deleteIfIdle(account.id, sessionKey);
      switch (outcome) {
        case 'deleted':
          return { ok: true, value: { message: sessionRemovedMessage(sessionKey) } };
        case 'not_idle':
          return { ok: false, error: { code: 'session_started', sessionKey } };
        case 'not_found':
          return notFound(sessionKey);
      }
    },

    async photos(account: AccountRow, sessionKey: SessionKey): Promise<Result<SessionPhotos, SessionNotFound>> {
      const row = await find(account, sessionKey);
      if (!row) return notFound(sessionKey);
      const cached = photosCache.get(row.id, row.photosVersion);
      if (cached) return { ok: true, value: cached };
      const attempts = await repo.attempts.listForSession(row.id);
      const photos = attempts.map((attempt) => toSessionPhoto(attempt, publicBaseUrl));
      photosCache.set(row.id, row.photosVersion, photos);
      return { ok: true, value: photos };
    },

    async progress(account: AccountRow, sessionKey: SessionKey): Promise<Result<SessionProgress, SessionNotFound>> {
      const row = await find(account, sessionKey);
      if (!row) return notFound(sessionKey);
      const attempts = await repo.attempts.listForSession(row.id);
      const records = attempts.map((attempt) => toAttemptRecord(attempt, publicBaseUrl));
      return { ok: true, value: toSessionProgress(toProgressSession(row), records) };
    },
  };
}

/** The sessions service. */
export type SessionsService = ReturnType<typeof createSessionsService>;
