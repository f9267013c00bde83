import * as z from 'zod/mini';
import { isManualEntryCode, manualEntryCodes, PhotoCode, type ManualEntryCode } from './photo-code.js';
import {
  progressOfRecords,
  progressSummaryOf,
  progressSummaryShape,
  StepRef,
  stepRefOf,
  wirePhotoOf,
  type AttemptRecord,
  type ProgressSession,
} from './progress-wire.js';
import type { Result } from './result.js';
import { AbsoluteUrl, SessionPhoto } from './session-photo.js';
import { SessionVehicle, type Session } from './session-object.js';
import { isAcceptingStatus, isTerminalStatus, SessionLanguage } from './session.js';
import { StepState } from './step-state.js';
import { Vin } from './vin.js';

/** Body of `POST /v1/capture/:key/manual`: a typed VIN (code 1) or odometer reading (code 3). */
export const ManualEntryRequest = z.strictObject({
  photo_code: z.literal(manualEntryCodes),
  value: z.string().check(z.maxLength(64)),
});
export type ManualEntryRequest = z.infer<typeof ManualEntryRequest>;

/**
 * The longest side, in pixels, of a photo as the server keeps it. The capture app scales larger photos down to it
 * before uploading them (less to send over a phone's connection, less for the server to decode); the server
 * stores every photo at most this large by default.
 */
export const uploadLongSide = 2560;

/** The image formats the server reads (told by their bytes), named as in their media types (`image/<format>`). */
export const uploadImageFormats = ['jpeg', 'png', 'webp', 'avif'] as const;
export type UploadImageFormat = (typeof uploadImageFormats)[number];

/** The multipart form field that carries the image of `POST /v1/capture/:key/photos/:code` (the one file field). */
export const uploadFieldName = 'image';

/** Body of `POST /v1/capture/:key/skip`. */
export const SkipRequest = z.strictObject({ photo_code: PhotoCode });
export type SkipRequest = z.infer<typeof SkipRequest>;

/** A refused manual value. */
export type ManualEntryError = { code: 'invalid_manual_value'; photoCode: ManualEntryCode; message: string };

const odometerPattern = /^\d{1,7}$/;

/** Checks and normalises a typed value: a VIN is 17 characters without I, O or Q (case-insensitive); an odometer reading is 1 to 7 digits. */
export function checkManualEntry(photoCode: ManualEntryCode, value: string): Result<string, ManualEntryError> {
  const trimmed = value.trim();
  if (photoCode === 1) {
    const vin = trimmed.toUpperCase();
    if (Vin.safeParse(vin).success) return { ok: true, value: vin };
    return {
      ok: false,
      error: { code: 'invalid_manual_value', photoCode, message: 'A VIN has 17 letters or digits, without I, O or Q.' },
    };
  }
  const digits = trimmed.replace(/[\s,.]/g, '');
  if (odometerPattern.test(digits)) return { ok: true, value: String(Number(digits)) };
  return {
    ok: false,
    error: { code: 'invalid_manual_value', photoCode, message: 'An odometer reading is 1 to 7 digits.' },
  };
}

/** One step as the capture app sees it. */
export const CaptureStepState = z.object({
  ...StepRef.shape,
  state: StepState,
  needed: z.boolean(),
  attempts: z.int().check(z.nonnegative()),
  /** The latest attempt; null while pending. */
  latest: z.nullable(SessionPhoto),
  /** The latest attempt's thumbnail (absolute http(s)); null when it has no image (pending, typed in, skipped). */
  thumbnail_url: z.nullable(AbsoluteUrl),
  may_skip: z.boolean(),
  manual_entry: z.boolean(),
});
export type CaptureStepState = z.infer<typeof CaptureStepState>;

/** 200 body of `GET /v1/capture/:session_key`: what the capture app needs. */
export const CaptureState = z.object({
  ...progressSummaryShape,
  steps: z.array(CaptureStepState),
  /** Whether new attempts are accepted now (`isAcceptingStatus`: false once COMPLETE, EXPIRED or INVALID). */
  accepting: z.boolean(),
  /** The language every string of the capture app is shown in (the session's `language`). */
  language: SessionLanguage,
  /** Where the capture app sends the driver once the inspection is submitted; null: it shows its own "sent" page. */
  redirect_url: z.nullable(AbsoluteUrl),
  /** Who asked for the inspection (the integrator's account name), shown on the intro screen; null when unknown. */
  integrator: z.nullable(z.string()),
  /**
   * The vehicle as known now: the facts given, a typed VIN or reading in place of the given one (the driver's own
   * confirmation "VIN … saved"). Null once the session is closed: the link then shows its status only.
   */
  vehicle: z.nullable(SessionVehicle),
  /**
   * Why the session was invalidated, as the reviewer or integrator wrote it; null unless `INVALID`. Only the holder
   * of the capture link's token reads it: without the token every capture route is the unknown session's 404.
   */
  invalid_reason: z.nullable(z.string()),
});
export type CaptureState = z.infer<typeof CaptureState>;

/** What {@link toCaptureState} needs of a session: its key and status, what the app shows (an `INVALID` one's reason too), and who asked. */
export type CaptureSession = ProgressSession &
  Pick<Session, 'language' | 'redirect_url' | 'vehicle' | 'invalid_reason'> & {
    /** The integrator's account name; null when unknown. */
    readonly integrator: string | null;
  };

/**
 * What `GET /v1/capture/:session_key` answers for a session and its attempts in capture order: each step's state,
 * latest attempt and whether it may be skipped or typed in now, whether the capture is complete, which step comes
 * next and whether attempts are accepted at all. A terminal session (`COMPLETE`, `EXPIRED`, `INVALID`) shows its
 * status only: every step pending, no photo URLs (an `INVALID` one also says why). Only whether each attempt was typed in matters beyond the wire.
 * Pure: usable by the server and by any test double that answers like it.
 *
 * @example
 * // a fake API in a browser test answers `GET /v1/capture/:key` as the server would
 * const session = { ...buildSession({ status: 'PROCESS' }), integrator: 'Demo Motors' }; // from @pave/domain/testing
 * const body = toCaptureState(session, [{ photo: buildPhoto({ photo_code: 1 }), manual: true }]);
 * // body.steps[0].state === 'manual', body.next_step?.photo_label === 'Interior', body.accepting === true
 */
export function toCaptureState(
  session: CaptureSession,
  attempts: readonly Pick<AttemptRecord, 'photo' | 'manual' | 'thumbnailUrl'>[],
): CaptureState {
  // a closed session's link shows its status only: the photos are the integrator's, not the link holder's
  const closed = isTerminalStatus(session.status);
  const progress = progressOfRecords(closed ? [] : attempts);
  const accepting = isAcceptingStatus(session.status);
  const skippable = new Set<PhotoCode>(progress.skippable);
  return {
    ...progressSummaryOf(session, progress),
    steps: progress.steps.map((step) => ({
      ...stepRefOf(step),
      state: step.state,
      needed: step.needed,
      attempts: step.attempts.length,
      latest: step.latest ? wirePhotoOf(step.latest.photo.record.photo) : null,
      thumbnail_url: step.latest?.photo.record.thumbnailUrl ?? null,
      may_skip: accepting && skippable.has(step.photoCode),
      manual_entry: isManualEntryCode(step.photoCode),
    })),
    accepting,
    language: session.language,
    redirect_url: session.redirect_url,
    integrator: session.integrator,
    vehicle: closed ? null : session.vehicle,
    invalid_reason: session.status === 'INVALID' ? session.invalid_reason : null,
  };
}
