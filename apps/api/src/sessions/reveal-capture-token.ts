import { CaptureToken, withCaptureToken } from '@pave/domain';
import type { SecretBox } from '../secrets/secret-box.js';
import type { SessionEventRow, SessionStore } from '../storage/repository.js';

/** A stored event as sent to whoever may see capture tokens: `SESSION:COMPLETE` with its link's token back. */
export type RevealCaptureToken = (row: SessionEventRow) => Promise<SessionEventRow>;

/**
 * Stored `SESSION:COMPLETE` events keep their session's `capture_url` without its token (the domain's
 * `toStoredEvent`); this puts the token back from the session's sealed copy, so callbacks and signed streams carry
 * the link `GET …/results` answers. Other events are returned as they are. A session gone meanwhile, or a token no
 * configured secret key opens (a lost `PAVE_SECRET_KEY`), leaves the link without its token.
 */
export function createCaptureTokenReveal(sessions: SessionStore, box: SecretBox): RevealCaptureToken {
  return async (row) => {
    if (row.event !== 'SESSION:COMPLETE') return row;
    const session = await sessions.findByKey(row.sessionKey, { accountId: row.accountId });
    const sealed = session?.id === row.sessionId ? session.captureToken?.sealed : undefined;
    const token = CaptureToken.safeParse(sealed === undefined ? null : box.open(sealed));
    return token.success ? { ...row, payload: withCaptureToken(row.payload, token.data) } : row;
  };
}
