import { SessionKey, type PhotoCode, type ProgressAttempt, type QaReasonCode, type Session } from '@pave/domain';
import { buildSession } from '@pave/domain/testing';
import { buildAttempt } from './build-attempt.js';
import type { FakeSessionSeed } from './fake-client.js';

/** The key of {@link buildReviewSeed}'s session. */
export const sampleKey = SessionKey.parse('DEM-0123456789');

function attempt(photoCode: PhotoCode, reason: QaReasonCode | null = null, second = 0): ProgressAttempt {
  const at = `2021-05-27T07:36:${String(second).padStart(2, '0')}+00:00`;
  return buildAttempt({
    photo_code: photoCode,
    reason,
    url: `http://localhost/images/${photoCode}-${second}.jpg`,
    created_at: at,
    updated_at: at,
  });
}

/**
 * A session in PROCESS: VIN accepted, Interior rejected (wrong view) then accepted, Cluster typed in,
 * Left rejected as blurry, Front_Left skipped; the rest pending.
 */
export function buildReviewSeed(overrides: Partial<Record<keyof Session, unknown>> = {}): FakeSessionSeed {
  return {
    session: buildSession({ session_key: sampleKey, status: 'PROCESS', ...overrides }),
    attempts: [
      attempt(1, null, 1),
      attempt(2, 'wrong_view', 2),
      attempt(2, null, 3),
      buildAttempt({ photo_code: 3, url: 'http://localhost/images/default-3.jpg', qa_measures: null }),
      attempt(4, 'blurry', 5),
      buildAttempt({ photo_code: 10, reason: 'skipped', url: null, qa_measures: null, thumbnail_url: null }),
    ],
    manualCodes: [3],
  };
}
