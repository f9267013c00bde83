import type {
  CreateSessionRequest,
  ListSessionsQuery,
  ResultsNotReady,
  SessionKey,
  SessionUpdateError,
  UpdateSessionRequest,
} from '@pave/domain';
import type { AccountRow } from '../storage/repository.js';
import { insertSession, type InsertSessionDeps } from './insert-session.js';
import { invalidateSession, type AlreadyInvalid } from './invalidate-session.js';
import { listSessions, type InvalidCursor } from './list-sessions.js';
import { removeSession, type SessionStarted } from './remove-session.js';
import type { SessionNotFound } from './session-not-found.js';
import { addNote, listNotes } from './session-notes.js';
import { createSessionReads, type SessionReadsDeps } from './session-reads.js';
import { updateSession, type UpdateConflict } from './update-session.js';

/** What the sessions service needs. */
export type SessionsDeps = InsertSessionDeps & SessionReadsDeps;

/** Every refusal of the sessions service, each with the data needed to word it (the sessions router does). */
export type SessionsError =
  | SessionNotFound
  | SessionStarted
  | InvalidCursor
  | SessionUpdateError
  | UpdateConflict
  | AlreadyInvalid
  | ResultsNotReady;

/** The Sessions API: create, read, list, update, invalidate, delete sessions; their photos, progress, results, notes. */
export function createSessionsService(deps: SessionsDeps) {
  return {
    create: (account: AccountRow, request: CreateSessionRequest) => insertSession(deps, account, request),
    list: (account: AccountRow, query: ListSessionsQuery) => listSessions(deps, account, query),
    remove: (account: AccountRow, sessionKey: SessionKey) => removeSession(deps, account, sessionKey),
    update: (account: AccountRow, sessionKey: SessionKey, request: UpdateSessionRequest) =>
      updateSession(deps, account, sessionKey, request),
    invalidate: (account: AccountRow, sessionKey: SessionKey, reason: string) =>
      invalidateSession(deps, account, sessionKey, reason),
    notes: (account: AccountRow, sessionKey: SessionKey) => listNotes(deps, account, sessionKey),
    addNote: (account: AccountRow, sessionKey: SessionKey, note: string, author = account.username) =>
      addNote(deps, account, sessionKey, { note, author }),
    ...createSessionReads(deps),
  };
}

/** The sessions service. */
export type SessionsService = ReturnType<typeof createSessionsService>;
