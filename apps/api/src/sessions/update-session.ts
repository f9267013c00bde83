import {
  checkSessionUpdate,
  type Result,
  type Session,
  type SessionKey,
  type SessionUpdateError,
  type UpdateSessionRequest,
} from '@pave/domain';
import type { AccountRow } from '../storage/repository.js';
import { findOwnSession } from './find-own-session.js';
import { sessionNotFound, type SessionNotFound } from './session-not-found.js';
import { toSession } from './session-wire.js';
import type { SessionReadsDeps } from './session-reads.js';

/** The session kept changing under the update (every compare-and-set lost): nothing was applied. */
export type UpdateConflict = { readonly code: 'update_conflict'; readonly sessionKey: SessionKey };

// Each try reads the session, checks the rules against what it read and writes only if the session is still as read
// (status, settings version, photos version): a capture or another update in between makes it try again, so no
// change is ever applied against rules it was not checked with. Every lost try means another change won, so N
// concurrent changes of one session all land within N tries; past that the caller is told to try again (409).
const casTries = 16;

/**
 * `PUT /v1/sessions/:session_key`: applies the update the domain's `checkSessionUpdate` allows, all of it or (a
 * refusal naming the field) nothing. An update that changes nothing writes nothing.
 */
export async function updateSession(
  deps: SessionReadsDeps,
  account: AccountRow,
  sessionKey: SessionKey,
  request: UpdateSessionRequest,
): Promise<Result<Session, SessionNotFound | SessionUpdateError | UpdateConflict>> {
  for (let tries = 0; tries < casTries; tries += 1) {
    const row = await findOwnSession(deps, account, sessionKey);
    if (!row) return sessionNotFound(sessionKey);
    const checked = checkSessionUpdate(row.status, row.settings, request);
    if (!checked.ok) return checked;
    if (JSON.stringify(checked.value) === JSON.stringify(row.settings)) {
      return { ok: true, value: toSession(row, deps.publicBaseUrl, deps.secretBox) };
    }
    const updated = await deps.repo.sessions.updateSettings({
      sessionId: row.id,
      status: row.status,
      version: row.version,
      photosVersion: row.photosVersion,
      settings: checked.value,
      at: deps.now().getTime(),
    });
    if (updated) return { ok: true, value: toSession(updated, deps.publicBaseUrl, deps.secretBox) };
  }
  return { ok: false, error: { code: 'update_conflict', sessionKey } };
}
