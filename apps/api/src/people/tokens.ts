import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random token: 32 bytes (256 bits), base64url. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What storage keeps of a token: its SHA-256, base64url (a copy of the database opens no session or link). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** True when two strings are equal, compared in constant time over their SHA-256. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
