import * as z from 'zod/mini';
import { PhotoCode, PhotoLabel } from './photo-code.js';
import { QaReasonCode } from './qa-reasons.js';
import { refineSessionPhoto, sessionPhotoShape } from './session-photo.js';
import { SessionKey, SessionStatus } from './session.js';

/** A step's state on the wire. */
export const StepStateWire = z.enum(['pending', 'accepted', 'rejected', 'skipped', 'manual']);

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
    /** Thumbnail of the stored image; null when there is no image. */
    thumbnail_url: z.nullable(z.url()),
    qa_measures: QaMeasures,
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
  state: StepStateWire,
  attempts: z.array(ProgressAttempt),
});
export type ProgressStep = z.infer<typeof ProgressStep>;

/** 200 body of `GET /v1/sessions/:session_key/progress` (our extension): `captureProgress` on the wire. */
export const SessionProgress = z.object({
  session_key: SessionKey,
  status: SessionStatus,
  complete: z.boolean(),
  /** The first step still to capture or retake; null once complete. */
  next_step: z.nullable(StepRef),
  steps: z.array(ProgressStep),
});
export type SessionProgress = z.infer<typeof SessionProgress>;
