import type { SessionKey } from '@pave/domain';

/** The session is unknown, malformed or another account's: all look the same. */
export type SessionNotFound = { readonly code: 'session_not_found'; readonly sessionKey: SessionKey };

/** The refusal of a request for a session that is not found. */
export function sessionNotFound(sessionKey: SessionKey): { ok: false; error: SessionNotFound } {
  return { ok: false, error: { code: 'session_not_found', sessionKey } };
}
