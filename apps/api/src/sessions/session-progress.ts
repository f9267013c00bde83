import {
  captureProgress,
  type AttemptProgress,
  type CaptureStep,
  type ProgressAttempt,
  type SessionPhoto,
  type SessionProgress,
  type StepRef,
} from '@pave/domain';
import type { AttemptRow, SessionRow } from '../storage/repository.js';
import { thumbnailUrl, toSessionPhoto } from './session-wire.js';

type StoredPhoto = SessionPhoto & { readonly row: AttemptRow };

function stepRefOf(step: CaptureStep): StepRef {
  return { step: step.step, photo_code: step.photoCode, photo_label: step.photoLabel };
}

// The verdict time is known for every stored attempt, superseded ones included.
function verdictSecondsOf(photo: StoredPhoto): number {
  const { processingMs, verdictAt, createdAt } = photo.row;
  return Math.max(0, processingMs ?? verdictAt - createdAt) / 1000;
}

function toProgressAttempt(attempt: AttemptProgress<StoredPhoto>, publicBaseUrl: string): ProgressAttempt {
  const { row } = attempt.photo;
  return {
    ...toSessionPhoto(row, publicBaseUrl),
    reason_code: attempt.reasonCode,
    processing_seconds: attempt.processingSeconds,
    thumbnail_url: row.kind === 'photo' && row.imageId !== null ? thumbnailUrl(publicBaseUrl, row.imageId) : null,
    qa_measures: row.qaMeasures,
  };
}

/** A session's capture progress on the wire (`GET …/progress`), from its attempts in capture order. */
export function toSessionProgress(
  session: SessionRow,
  attempts: readonly AttemptRow[],
  publicBaseUrl: string,
): SessionProgress {
  const photos: StoredPhoto[] = attempts.map((row) => ({ ...toSessionPhoto(row, publicBaseUrl), row }));
  const progress = captureProgress(photos, {
    isManual: (photo) => photo.row.kind === 'manual',
    verdictSeconds: verdictSecondsOf,
  });
  return {
    session_key: session.sessionKey,
    status: session.status,
    complete: progress.complete,
    next_step: progress.nextStep ? stepRefOf(progress.nextStep) : null,
    steps: progress.steps.map((step) => ({
      ...stepRefOf(step),
      state: step.state,
      attempts: step.attempts.map((attempt) => toProgressAttempt(attempt, publicBaseUrl)),
    })),
  };
}
