import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { buildCaptureUrl, CaptureToken } from '@pave/domain';
import type { SecretBox } from '../secrets/secret-box.js';
import type { CaptureTokenRecord, SessionRow } from '../storage/repository.js';

// A capture link's token: 256 random bits. Storage keeps its SHA-256 (what a request is checked against) and the
// token sealed with the secret key (what rebuilds `capture_url` for the integrator's later reads); a copy of the
// database alone opens no capture link.

/** A new token and what is stored of it. */
export function issueCaptureToken(box: SecretBox): { token: CaptureToken; record: CaptureTokenRecord } {
  const token = CaptureToken.parse(randomBytes(32).toString('base64url'));
  return { token, record: { hash: hashCaptureToken(token).toString('base64url'), sealed: box.seal(token) } };
}

function hashCaptureToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether `presented` is the session's token; compared in constant time, over hashes of equal length. */
export function matchesCaptureToken(record: CaptureTokenRecord | null, presented: string | undefined): boolean {
  if (!record || presented === undefined) return false;
  const stored = Buffer.from(record.hash, 'base64url');
  const given = hashCaptureToken(presented);
  return stored.length === given.length && timingSafeEqual(stored, given);
}

/** The capture link of a session, token included; throws when the token cannot be opened (a key is missing). */
export function captureUrl(publicBaseUrl: string, box: SecretBox, session: SessionRow): string {
  const sealed = session.captureToken?.sealed;
  const token = sealed === undefined ? null : box.open(sealed);
  if (token === null) {
    throw new Error(
      `invariant: the capture token of session ${session.id} opens with a configured secret key (PAVE_SECRET_KEY)`,
    );
  }
  return buildCaptureUrl(publicBaseUrl, session.sessionKey, CaptureToken.parse(token));
}
