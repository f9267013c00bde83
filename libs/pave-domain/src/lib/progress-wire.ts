import * as z from 'zod/mini';
import { captureProgress, type AttemptProgress, type CaptureProgress } from './capture-progress.js';
import { PhotoCode, PhotoLabel, type CaptureStep } from './photo-code.js';
import { QaReasonCode } from './qa-reasons.js';
import { AbsoluteUrl, refineSessionPhoto, sessionPhotoShape, type SessionPhoto } from './session-photo.js';
import type { Session } from './session-object.js';
import { SessionKey, SessionStatus } from './session.js';
import { StepState } from './step-state.js';

/** What image QA measured on an attempt, keyed by measure name; null for typed-in values and skips. */
export const QaMeasures = z.nullable(z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])));
export type QaMeasures = z.infer<typeof QaMeasures>;

/** An attempt on our extension endpoints: the seven wire fields plus why and how long. */
export const ProgressAttempt = z
  .object({
    ...sessionPhotoShape,
    /** The rejection's stable code; null when accepted or for reason text we do not produce. */
    reason_code: z.nullable(QaReasonCode),
    /** Seconds image QA took; null when unknown. */
    processing_seconds: z.nullable(z.number().check(z.nonnegative())),
    /** Thumbnail of the stored image (absolute http(s), like `url`); null when there is no image. */
    thumbnail_url: z.nullable(AbsoluteUrl),
    qa_measures: QaMeasures,
    /** The value the driver typed instead of a photo (a VIN, an odometer reading); null for photos and skips. */
    typed_value: z.nullable(z.string()),
  })
  .check(z.superRefine(refineSessionPhoto));
export type ProgressAttempt = z.infer<typeof ProgressAttempt>;

/** A step reference on the wire. */
export const StepRef = z.object({
  step: z.int().check(z.minimum(1), z.maximum(13)),
  photo_code: PhotoCode,
  photo_label: PhotoLabel,
});
export type StepRef = z.infer<typeof StepRef>;

/** One step on `GET /v1/sessions/:key/progress`. */
export const ProgressStep = z.object({
  ...StepRef.shape,
  state: StepState,
  attempts: z.array(ProgressAttempt),
});
export type ProgressStep = z.infer<typeof ProgressStep>;

/** The fields the progress page and the capture state share, on the wire (their values: `progressSummaryOf`). */
export const progressSummaryShape = {
  session_key: SessionKey,
  status: SessionStatus,
  complete: z.boolean(),
  /** The first step not done yet (see `isStepDone`); null once complete. */
  next_step: z.nullable(StepRef),
};

/** 200 body of `GET /v1/sessions/:session_key/progress` (our extension): `captureProgress` on the wire. */
export const SessionProgress = z.object({ ...progressSummaryShape, steps: z.array(ProgressStep) });
export type SessionProgress = z.infer<typeof SessionProgress>;

/** What the progress projections need of a session: its key and status. */
export type ProgressSession = Pick<Session, 'session_key' | 'status'>;

/** One attempt as the server records it: its seven wire fields plus what the wire does not tell. */
export type AttemptRecord = {
  /** The attempt exactly as `GET …/photos` answers it. */
  readonly photo: SessionPhoto;
  /** True when the value was typed in (manual entry) rather than photographed. */
  readonly manual: boolean;
  /** The stored image's thumbnail (absolute http(s)); null when there is no image (skips, typed values). */
  readonly thumbnailUrl: string | null;
  /** What image QA measured; null for typed-in values and skips. */
  readonly qaMeasures: QaMeasures;
  /** The value typed in (a VIN, an odometer reading) when `manual`; null otherwise. */
  readonly typedValue: string | null;
  /**
   * Seconds QA took on this attempt, when the server kept it; null when unknown (the latest attempt then takes
   * `updated_at - created_at`, a superseded one stays unknown because its retake overwrote `updated_at`).
   */
  readonly verdictSeconds: number | null;
};

/** An attempt's photo carrying its record through `captureProgress`. */
type RecordedPhoto<R> = SessionPhoto & { readonly record: R };

/** The domain's capture progress over records (in capture order), knowing which were typed in and their QA times. */
export function progressOfRecords<R extends Pick<AttemptRecord, 'photo' | 'manual'>>(
  records: readonly R[],
  verdictSeconds: (record: R) => number | null = () => null,
): CaptureProgress<RecordedPhoto<R>> {
  const photos = records.map((record) => ({ ...record.photo, record }));
  return captureProgress(photos, {
    isManual: (photo) => photo.record.manual,
    verdictSeconds: (photo) => verdictSeconds(photo.record),
  });
}

/** The seven wire fields of an attempt alone, in wire order (a caller's photo may carry more keys). */
export function wirePhotoOf(photo: SessionPhoto): SessionPhoto {
  const { photo_code, photo_label, url, approved, approved_message, created_at, updated_at } = photo;
  return { photo_code, photo_label, url, approved, approved_message, created_at, updated_at };
}

/** A capture step as a wire step reference. */
export function stepRefOf(step: CaptureStep): StepRef {
  return { step: step.step, photo_code: step.photoCode, photo_label: step.photoLabel };
}

/** The fields the progress page and the capture state share: the session, completeness and the next step. */
export function progressSummaryOf(session: ProgressSession, progress: CaptureProgress<SessionPhoto>) {
  return {
    session_key: session.session_key,
    status: session.status,
    complete: progress.complete,
    next_step: progress.nextStep ? stepRefOf(progress.nextStep) : null,
  };
}

function toProgressAttempt(attempt: AttemptProgress<RecordedPhoto<AttemptRecord>>): ProgressAttempt {
  const { record } = attempt.photo;
  return {
    ...wirePhotoOf(record.photo),
    reason_code: attempt.reasonCode,
    processing_seconds: attempt.processingSeconds,
    thumbnail_url: record.thumbnailUrl,
    qa_measures: record.qaMeasures,
    typed_value: record.manual ? record.typedValue : null,
  };
}

/**
 * A session's capture progress as `GET /v1/sessions/:session_key/progress` answers it, from the session and its
 * attempts in capture order: each step's state and attempts (with reason codes, QA times, thumbnails and
 * measures), whether the capture is complete and which step comes next. Pure: usable by the server and by any
 * test double that answers like it.
 */
export function toSessionProgress(session: ProgressSession, attempts: readonly AttemptRecord[]): SessionProgress {
  const progress = progressOfRecords(attempts, (record) => record.verdictSeconds);
  return {
    ...progressSummaryOf(session, progress),
    steps: progress.steps.map((step) => ({
      ...stepRefOf(step),
      state: step.state,
      attempts: step.attempts.map(toProgressAttempt),
    })),
  };
}
