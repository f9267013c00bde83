import * as z from 'zod/mini';
import { manualEntryCodes, PhotoCode } from './photo-code.js';
import { StepRef, StepStateWire } from './progress-wire.js';
import type { Result } from './result.js';
import { SessionPhoto } from './session-photo.js';
import { SessionKey, SessionStatus } from './session.js';

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

/** Body of `POST /v1/capture/:key/skip`. */
export const SkipRequest = z.strictObject({ photo_code: PhotoCode });
export type SkipRequest = z.infer<typeof SkipRequest>;

/** A refused manual value. */
export type ManualEntryError = { code: 'invalid_manual_value'; photoCode: 1 | 3; message: string };

const vinPattern = /^[A-HJ-NPR-Z0-9]{17}$/;
const odometerPattern = /^\d{1,7}$/;

/** Checks and normalises a typed value: a VIN is 17 characters without I, O or Q (case-insensitive); an odometer reading is 1 to 7 digits. */
export function checkManualEntry(photoCode: 1 | 3, value: string): Result<string, ManualEntryError> {
  const trimmed = value.trim();
  if (photoCode === 1) {
    const vin = trimmed.toUpperCase();
    if (vinPattern.test(vin)) return { ok: true, value: vin };
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
  state: StepStateWire,
  needed: z.boolean(),
  attempts: z.int().check(z.nonnegative()),
  /** The latest attempt; null while pending. */
  latest: z.nullable(SessionPhoto),
  may_skip: z.boolean(),
  manual_entry: z.boolean(),
});
export type CaptureStepState = z.infer<typeof CaptureStepState>;

/** 200 body of `GET /v1/capture/:session_key`: what the capture app needs. */
export const CaptureState = z.object({
  session_key: SessionKey,
  status: SessionStatus,
  complete: z.boolean(),
  next_step: z.nullable(StepRef),
  steps: z.array(CaptureStepState),
  /** Whether new attempts are accepted now (false once COMPLETE, EXPIRED or INVALID). */
  accepting: z.boolean(),
});
export type CaptureState = z.infer<typeof CaptureState>;
