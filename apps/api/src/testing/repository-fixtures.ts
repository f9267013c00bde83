import type { SessionKey } from '@pave/domain';
import { buildSessionSettings } from '@pave/domain/testing';
import { issueCaptureToken } from '../sessions/capture-token.js';
import type { NewAttempt, NewSession } from '../storage/repository.js';
import { testSecretBox } from './test-secret-box.js';

// Shared inputs of the repository spec suites.

/** The suites' clock. */
export const t0 = Date.UTC(2024, 0, 1, 12, 0, 0);
/** One day in milliseconds. */
export const day = 86_400_000;

/** A new session of an account, created at `createdAt`, expiring 7 days later, with a capture token. */
export function newSession(
  accountId: number,
  key: string,
  createdAt = t0,
  overrides: Partial<NewSession> = {},
): NewSession {
  return {
    sessionKey: key as SessionKey,
    accountId,
    settings: buildSessionSettings(),
    createdAt,
    expiresAt: createdAt + 7 * day,
    captureToken: issueCaptureToken(testSecretBox).record,
    ...overrides,
  };
}

/** An accepted photo attempt with measures, judged 2 s after capture. */
export function photo(
  sessionId: number,
  photoCode: NewAttempt['photoCode'],
  createdAt: number,
): Extract<NewAttempt, { kind: 'photo' }> {
  return {
    kind: 'photo',
    sessionId,
    photoCode,
    imageId: `img-${photoCode}-${createdAt}`,
    imageBytes: 1000,
    verdict: { approved: true },
    qaMeasures: { meanLuma: 120.5, portrait: false },
    processingMs: 1500,
    createdAt,
    verdictAt: createdAt + 2000,
  };
}
