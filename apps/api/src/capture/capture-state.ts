import {
  captureProgress,
  isManualEntryCode,
  isTerminalStatus,
  type CaptureProgress,
  type CaptureState,
  type PhotoCode,
  type SessionPhoto,
} from '@pave/domain';
import type { StepHash } from '../qa/judge-image.js';
import { toSessionPhoto } from '../sessions/session-wire.js';
import type { AttemptRow, SessionRow } from '../storage/repository.js';

type StoredPhoto = SessionPhoto & { readonly row: AttemptRow };

/** The domain's capture progress over stored attempts (in capture order), knowing which were typed in. */
export function progressOf(attempts: readonly AttemptRow[], publicBaseUrl: string): CaptureProgress<StoredPhoto> {
  const photos = attempts.map((row) => ({ ...toSessionPhoto(row, publicBaseUrl), row }));
  return captureProgress(photos, { isManual: (photo) => photo.row.kind === 'manual' });
}

/** The codes whose latest attempt is accepted (photographed or typed in): what `checkSkip` needs. */
export function acceptedCodesOf(progress: CaptureProgress): ReadonlySet<PhotoCode> {
  const accepted = progress.steps.filter((step) => step.state === 'accepted' || step.state === 'manual');
  return new Set(accepted.map((step) => step.photoCode));
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

/** `GET /v1/capture/:session_key`: the session's status and its 13 steps as the capture app shows them. */
export function toCaptureState(
  session: SessionRow,
  attempts: readonly AttemptRow[],
  publicBaseUrl: string,
): CaptureState {
  const progress = progressOf(attempts, publicBaseUrl);
  const accepting = !isTerminalStatus(session.status);
  const skippable = new Set<PhotoCode>(progress.skippable);
  return {
    session_key: session.sessionKey,
    status: session.status,
    complete: progress.complete,
    next_step: progress.nextStep
      ? {
          step: progress.nextStep.step,
          photo_code: progress.nextStep.photoCode,
          photo_label: progress.nextStep.photoLabel,
        }
      : null,
    steps: progress.steps.map((step) => {
      const latest = step.latest ? toPublicPhoto(step.latest.photo) : null;
      return {
        step: step.step,
        photo_code: step.photoCode,
        photo_label: step.photoLabel,
        state: step.state,
        needed: step.needed,
        attempts: step.attempts.length,
        latest,
        may_skip: accepting && skippable.has(step.photoCode),
        manual_entry: isManualEntryCode(step.photoCode),
      };
    }),
    accepting,
  };
}

/** The seven wire fields alone, in wire order (drops the stored row). */
function toPublicPhoto({ row: _row, ...photo }: StoredPhoto): SessionPhoto {
  return photo;
}
