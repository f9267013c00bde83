import { photoLabelOf, type PhotoCode } from './photo-code.js';
import type { Result } from './result.js';

/** How many attempts (photos, typed values and skips, retakes included) a session takes, per step and in all. */
export type AttemptLimits = { readonly perStep: number; readonly perSession: number };

/**
 * The attempt caps of every session (issue #13, finding 3). A careful driver retakes a hard step a handful of
 * times and a whole capture takes 13 to 40 attempts; past these, a session is being abused, not captured.
 */
export const attemptLimits = { perStep: 20, perSession: 150 } as const satisfies AttemptLimits;

/** A session that already holds as many attempts as a cap allows, for the step or in all. */
export type AttemptsExhausted = {
  readonly code: 'attempts_exhausted';
  readonly scope: 'step' | 'session';
  readonly photoCode: PhotoCode;
  readonly limit: number;
};

/** How many attempts a session already holds: of the step about to get one, and in all. */
export type AttemptCounts = { readonly step: number; readonly session: number };

/** Whether one more attempt of `photoCode` is within the caps; the session's cap is checked first. */
export function checkAttemptLimits(
  counts: AttemptCounts,
  photoCode: PhotoCode,
  limits: AttemptLimits = attemptLimits,
): Result<PhotoCode, AttemptsExhausted> {
  if (counts.session >= limits.perSession) {
    return { ok: false, error: { code: 'attempts_exhausted', scope: 'session', photoCode, limit: limits.perSession } };
  }
  if (counts.step >= limits.perStep) {
    return { ok: false, error: { code: 'attempts_exhausted', scope: 'step', photoCode, limit: limits.perStep } };
  }
  return { ok: true, value: photoCode };
}

/** The 409 message of an attempt over a cap. */
export function attemptsExhaustedMessage(error: AttemptsExhausted): string {
  return error.scope === 'session'
    ? `This session already has ${error.limit} attempts, the most one session takes.`
    : `${photoLabelOf(error.photoCode)} already has ${error.limit} attempts, the most one step takes.`;
}
