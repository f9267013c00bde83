import { sessionRemovedMessage, type DeleteSessionResponse, type Result, type SessionKey } from '@pave/domain';
import type { AccountRow } from '../storage/repository.js';
import { findOwnSession, type FindSessionDeps } from './find-own-session.js';
import { sessionNotFound, type SessionNotFound } from './session-not-found.js';

/** The session has started (it is no longer `IDLE`), so it cannot be deleted. */
export type SessionStarted = { readonly code: 'session_started'; readonly sessionKey: SessionKey };

/** `DELETE /v1/sessions/:session_key`: removes the account's session while it is still `IDLE`. */
export async function removeSession(
  deps: FindSessionDeps,
  account: AccountRow,
  sessionKey: SessionKey,
): Promise<Result<DeleteSessionResponse, SessionNotFound | SessionStarted>> {
  if (!(await findOwnSession(deps, account, sessionKey))) return sessionNotFound(sessionKey);
  const outcome = await deps.repo.sessions.deleteIfIdle(account.id, sessionKey);
  switch (outcome) {
    case 'deleted':
      return { ok: true, value: { message: sessionRemovedMessage(sessionKey) } };
    case 'not_idle':
      return { ok: false, error: { code: 'session_started', sessionKey } };
    case 'not_found':
      return sessionNotFound(sessionKey);
  }
}
