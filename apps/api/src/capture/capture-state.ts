import {
  captureProgress,
  toCaptureState,
  toSessionVehicle,
  type CaptureProgress,
  type CaptureState,
  type PhotoCode,
} from '@pave/domain';
import type { StepHash } from '../qa/judge-image.js';
import { toAttemptRecord, toProgressSession, toSessionPhoto } from '../sessions/session-wire.js';
import type { AttemptRow, SessionRow } from '../storage/repository.js';

/**
 * The domain's capture progress over stored attempts (in capture order): what status changes and skips read
 * (`complete`, `accepted`). Typed-in values count as accepted; their `manual` state is left to {@link captureStateOf}.
 */
export function progressOf(attempts: readonly AttemptRow[], publicBaseUrl: string): CaptureProgress {
  return captureProgress(attempts.map((row) => toSessionPhoto(row, publicBaseUrl)));
}

/** The perceptual hashes of the latest photo of every step other than `photoCode` (what Wrong View compares). */
export function otherStepHashesOf(attempts: readonly AttemptRow[], photoCode: PhotoCode): StepHash[] {
  const latest = new Map<PhotoCode, string>();
  for (const row of attempts) {
    const phash = row.qaMeasures?.['phash'];
    if (row.kind === 'photo' && row.photoCode !== photoCode && typeof phash === 'string')
      latest.set(row.photoCode, phash);
  }
  return [...latest].map(([code, phash]) => ({ photoCode: code, phash }));
}

/** What {@link captureStateOf} reads: a stored session, its attempts and the name of the account it belongs to. */
export type CaptureStateSource = {
  readonly session: SessionRow;
  readonly attempts: readonly AttemptRow[];
  /** The integrator's account name; null when the account is gone. */
  readonly integrator: string | null;
};

/**
 * `GET /v1/capture/:session_key`: the domain's {@link toCaptureState} over a stored session and its attempts (an
 * `INVALID` session's reason included: only a request with the link's token gets this far).
 */
export function captureStateOf(source: CaptureStateSource, publicBaseUrl: string): CaptureState {
  const { session, attempts, integrator } = source;
  const { settings, learned } = session;
  return toCaptureState(
    {
      ...toProgressSession(session),
      language: settings.language,
      redirect_url: settings.redirect_url,
      vehicle: toSessionVehicle(settings.vehicle, learned),
      integrator,
      invalid_reason: session.status === 'INVALID' ? (session.invalidReason ?? '') : null,
    },
    attempts.map((row) => toAttemptRecord(row, publicBaseUrl)),
  );
}
