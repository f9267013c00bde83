import {
  captureSteps,
  exteriorCodes,
  isExteriorCode,
  neededCodes,
  type CaptureStep,
  type PhotoCode,
} from './photo-code.js';
import { parseApprovedMessage, type QaReasonCode } from './qa-reasons.js';
import type { Result } from './result.js';
import type { SessionPhoto } from './session-photo.js';
import { attemptStateOf, isStepDone, type StepState } from './step-state.js';
import { secondsBetween } from './timestamps.js';

/** One attempt of a step, with what can be derived from it. */
export type AttemptProgress<P extends SessionPhoto = SessionPhoto> = {
  readonly photo: P;
  /** The rejection reason text; null when accepted. */
  readonly reason: string | null;
  /** The reason's stable code; null when accepted or for reason text we do not produce. */
  readonly reasonCode: QaReasonCode | null;
  /** Seconds QA took (`updated_at - created_at` of its verdict); null when a retake overwrote `updated_at` and no verdict time is known. */
  readonly processingSeconds: number | null;
  /** True when a later attempt of the same step replaced this one. */
  readonly superseded: boolean;
};

/** One step of the capture flow with its attempts, oldest first. */
export type StepProgress<P extends SessionPhoto = SessionPhoto> = CaptureStep & {
  readonly state: StepState;
  readonly attempts: readonly AttemptProgress<P>[];
  readonly latest: AttemptProgress<P> | null;
};

/** A session's capture progress, derived from its attempts alone. */
export type CaptureProgress<P extends SessionPhoto = SessionPhoto> = {
  /** The 13 steps in capture order. */
  readonly steps: readonly StepProgress<P>[];
  /** Every step done ({@link isStepDone}): every needed step accepted and every exterior step attempted (contract section 2). */
  readonly complete: boolean;
  /** The first step not done yet ({@link isStepDone}); null exactly when complete. */
  readonly nextStep: CaptureStep | null;
  /** The codes whose latest attempt is accepted (photographed or typed in): what {@link checkSkip} needs. */
  readonly accepted: ReadonlySet<PhotoCode>;
  /** Needed steps whose latest attempt is not accepted. */
  readonly missingNeeded: readonly PhotoCode[];
  /** Exterior steps that {@link checkSkip} allows skipping now. */
  readonly skippable: readonly PhotoCode[];
};

/** What the server knows beyond the wire: which attempts were typed in, and verdict times of superseded ones. */
export type CaptureProgressOptions<P extends SessionPhoto> = {
  readonly isManual?: (photo: P) => boolean;
  readonly verdictSeconds?: (photo: P) => number | null;
};

function attemptsOf<P extends SessionPhoto>(
  photos: readonly P[],
  options: CaptureProgressOptions<P>,
): AttemptProgress<P>[] {
  return photos.map((photo, index) => {
    const verdict = parseApprovedMessage(photo.approved_message);
    const superseded = index < photos.length - 1;
    const known = options.verdictSeconds?.(photo);
    return {
      photo,
      reason: verdict && !verdict.approved ? verdict.reason : null,
      reasonCode: verdict && !verdict.approved ? verdict.reasonCode : null,
      processingSeconds: known ?? (superseded ? null : secondsBetween(photo.created_at, photo.updated_at)),
      superseded,
    };
  });
}

/** Skip refusals. */
export type SkipError =
  | { code: 'not_skippable'; photoCode: PhotoCode }
  | { code: 'already_accepted'; photoCode: PhotoCode }
  | { code: 'needed_images_missing'; missing: readonly PhotoCode[] };

/** An exterior step may be skipped only once every needed image (VIN, Interior, Cluster, Windshield, Tires) is accepted, and only while it has no accepted photo. */
export function checkSkip(photoCode: PhotoCode, accepted: ReadonlySet<PhotoCode>): Result<PhotoCode, SkipError> {
  if (!isExteriorCode(photoCode)) return { ok: false, error: { code: 'not_skippable', photoCode } };
  if (accepted.has(photoCode)) return { ok: false, error: { code: 'already_accepted', photoCode } };
  const missing = neededCodes.filter((code) => !accepted.has(code));
  if (missing.length > 0) return { ok: false, error: { code: 'needed_images_missing', missing } };
  return { ok: true, value: photoCode };
}

/**
 * Derives, from a session's attempts in capture order, each step's state and attempts, whether the
 * capture is complete and which step comes next (the first one not done). Attempts are grouped by photo
 * code; order within a step is the order given.
 */
export function captureProgress<P extends SessionPhoto>(
  photos: readonly P[],
  options: CaptureProgressOptions<P> = {},
): CaptureProgress<P> {
  const steps = captureSteps.map((step) => {
    const attempts = attemptsOf(
      photos.filter((p) => p.photo_code === step.photoCode),
      options,
    );
    const latest = attempts.at(-1) ?? null;
    const state: StepState = latest
      ? attemptStateOf(latest.photo, options.isManual?.(latest.photo) ?? false)
      : 'pending';
    return { ...step, state, attempts, latest };
  });
  const accepted: ReadonlySet<PhotoCode> = new Set(
    steps.filter((s) => s.state === 'accepted' || s.state === 'manual').map((s) => s.photoCode),
  );
  const next = steps.find((s) => !isStepDone(s.photoCode, s.state));
  return {
    steps,
    complete: next === undefined,
    nextStep: next ? (captureSteps[next.step - 1] ?? null) : null,
    accepted,
    missingNeeded: neededCodes.filter((code) => !accepted.has(code)),
    skippable: exteriorCodes.filter((code) => checkSkip(code, accepted).ok),
  };
}
