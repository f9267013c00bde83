import { transitionStatus, type Result, type Session, type SessionKey } from '@pave/domain';
import type { AccountRow } from '../storage/repository.js';
import { findOwnSession } from './find-own-session.js';
import { sessionNotFound, type SessionNotFound } from './session-not-found.js';
import type { SessionReadsDeps } from './session-reads.js';
import { toSession } from './session-wire.js';
import type { UpdateConflict } from './update-session.js';

/** The session is already `INVALID`. */
export type AlreadyInvalid = { readonly code: 'already_invalid'; readonly sessionKey: SessionKey };

const casTries = 16;

/**
 * `POST /v1/sessions/:session_key/invalidate` (ours): the session becomes `INVALID` with its reason, from any
 * status (the domain's `invalidate` move); its capture link takes nothing more from then on.
 */
export async function invalidateSession(
  deps: SessionReadsDeps,
  account: AccountRow,
  sessionKey: SessionKey,
  reason: string,
): Promise<Result<Session, SessionNotFound | AlreadyInvalid | UpdateConflict>> {
  for (let tries = 0; tries < casTries; tries += 1) {
    const row = await findOwnSession(deps, account, sessionKey);
    if (!row) return sessionNotFound(sessionKey);
    if (!transitionStatus(row.status, 'invalidate').ok)
      return { ok: false, error: { code: 'already_invalid', sessionKey } };
    const at = deps.now().getTime();
    if (await deps.repo.sessions.invalidate({ sessionId: row.id, from: row.status, reason, at })) {
      const invalid = { ...row, status: 'INVALID', invalidReason: reason, updatedAt: at } as const;
      return { ok: true, value: toSession(invalid, deps.publicBaseUrl, deps.secretBox) };
    }
  }
  return { ok: false, error: { code: 'update_conflict', sessionKey } };
}
