import { SessionKey, type AttemptRecord, type PhotoCode, type QaReasonCode, type Session } from '@pave/domain';
import { buildAttemptRecord, buildSession } from '@pave/domain/testing';
import type { FakeSessionSeed } from './fake-api-store.js';

/** The key of {@link buildReviewSeed}'s session. */
export const sampleKey = SessionKey.parse('DEM-0123456789');

// every attempt of the sample took 2 s of QA
const verdictSeconds = 2;

function attempt(photoCode: PhotoCode, reason: QaReasonCode | null = null, second = 0): AttemptRecord {
  const at = `2021-05-27T07:36:${String(second).padStart(2, '0')}+00:00`;
  const url = `http://localhost/images/${photoCode}-${second}`;
  return buildAttemptRecord({
    photo_code: photoCode,
    reason,
    url: `${url}.jpg`,
    created_at: at,
    updated_at: at,
    thumbnailUrl: `${url}-thumb.jpg`,
    qaMeasures: { sharpness: 0.82, brightness: 0.55 },
    verdictSeconds,
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
      buildAttemptRecord({ photo_code: 3, url: 'http://localhost/images/default-3.jpg', manual: true, verdictSeconds }),
      attempt(4, 'blurry', 5),
      buildAttemptRecord({ photo_code: 10, reason: 'skipped', url: null, verdictSeconds }),
    ],
  };
}
