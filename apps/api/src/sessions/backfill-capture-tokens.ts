import type { SecretBox } from '../secrets/secret-box.js';
import type { SessionStore } from '../storage/repository.js';
import { issueCaptureToken } from './capture-token.js';

const batchSize = 500;

/**
 * Gives every session created before capture tokens existed a token of its own; returns how many. Run at start-up,
 * before listening: such a session's old link (the key alone) stops working, and the integrator's next read of the
 * session answers its new `capture_url`. Safe when several instances start at once (a token is set only once).
 */
export async function backfillCaptureTokens(sessions: SessionStore, box: SecretBox): Promise<number> {
  let given = 0;
  for (;;) {
    const rows = await sessions.listWithoutCaptureToken(batchSize);
    for (const row of rows) {
      if (await sessions.setCaptureToken(row.id, issueCaptureToken(box).record)) given += 1;
    }
    if (rows.length < batchSize) return given;
  }
}
