import type { CreateSessionRequest, ListSessionsQuery, SessionKey } from '@pave/domain';
import type { AccountRow } from '../storage/repository.js';
import { insertSession, type InsertSessionDeps } from './insert-session.js';
import { listSessions, type InvalidCursor } from './list-sessions.js';
import { removeSession, type SessionStarted } from './remove-session.js';
import type { SessionNotFound } from './session-not-found.js';
import { createSessionReads, type SessionReadsDeps } from './session-reads.js';

/** What the sessions service needs. */
export type SessionsDeps = InsertSessionDeps & SessionReadsDeps;

/** Every refusal of the sessions service, each with the data needed to word it (the sessions router does). */
export type SessionsError = SessionNotFound | SessionStarted | InvalidCursor;

/** The Sessions API: create, read, list, delete sessions and read their photos and progress. */
export function createSessionsService(deps: SessionsDeps) {
  return {
    create: (account: AccountRow, request: CreateSessionRequest) => insertSession(deps, account, request),
    list: (account: AccountRow, query: ListSessionsQuery) => listSessions(deps, account, query),
    remove: (account: AccountRow, sessionKey: SessionKey) => removeSession(deps, account, sessionKey),
    ...createSessionReads(deps),
  };
}

/** The sessions service. */
export type SessionsService = ReturnType<typeof createSessionsService>;
