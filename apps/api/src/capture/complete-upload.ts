import type { PhotoCode, Result, SessionPhoto } from '@pave/domain';
import type { DecodeError } from '../qa/decode-image.js';
import type { AttemptRow, NewAttempt, SessionRow } from '../storage/repository.js';
import type { CaptureContext } from './capture-context.js';
import { otherStepHashesOf } from './capture-state.js';
import { judgeUpload, type JudgedUpload } from './judge-upload.js';
import { answerRecorded, appendAttempt, type AppendRefused } from './record-attempt.js';

/**
 * A session found taking photos, with room for one more of the step, and its attempts as read then (before the
 * upload's body was read): what `completeUpload` judges the upload against.
 */
export type UploadSlot = { readonly session: SessionRow; readonly attempts: readonly AttemptRow[] };

/** An upload read off the request: which step it is for, its bytes, and when it arrived. */
export type UploadedPhoto = { readonly photoCode: PhotoCode; readonly bytes: Buffer; readonly receivedAt: Date };

/** What a photo attempt has besides its image and verdict. */
type PhotoFields = Pick<
  Extract<NewAttempt, { kind: 'photo' }>,
  'sessionId' | 'photoCode' | 'processingMs' | 'createdAt' | 'verdictAt'
>;

/**
 * After a failed append the files go, unless a row points to them after all (a commit whose answer was lost):
 * when that cannot be told, they stay for the start-up sweep. A row never loses its files.
 */
async function removeUnlessReferenced(context: CaptureContext, imageId: string): Promise<void> {
  const referenced = await context.repo.attempts.findReferencedImageIds([imageId]).catch(() => null);
  if (referenced && !referenced.has(imageId)) await context.images.remove(imageId);
}

/** Stores the judged files durably, then commits the row that points to them (removing the files if refused). */
async function storeJudged(
  context: CaptureContext,
  session: SessionRow,
  judged: JudgedUpload,
  attempt: PhotoFields,
): Promise<Result<SessionPhoto, AppendRefused>> {
  const { images } = context;
  const imageId = images.newId();
  const files = { full: judged.jpeg.data, thumb: judged.thumbnail.data };
  await images.save(imageId, files).catch(async (error: unknown) => {
    await images.remove(imageId);
    throw error;
  });
  const imageBytes = files.full.length + files.thumb.length;
  const { verdict, qaMeasures } = judged;
  const row = { ...attempt, kind: 'photo', imageId, imageBytes, verdict, qaMeasures } as const;
  const appended = await appendAttempt(context, session, row).catch(async (error: unknown) => {
    await removeUnlessReferenced(context, imageId);
    throw error;
  });
  if (appended.ok) return answerRecorded(context, appended.value);
  await images.remove(imageId);
  return appended;
}

/**
 * Judges, stores and records an upload read for a slot's session (found taking photos before the upload was read).
 * An `IDLE` session is started only when the judged photo is appended. The duplicate check compares the upload with
 * the other steps' photos of the slot's attempts: a photo appended while this one was read is not among them, as it
 * would not be either if both were judged at once; the caps and the quota are checked again under the session's lock.
 */
export async function completeUpload(
  context: CaptureContext,
  { session, attempts }: UploadSlot,
  upload: UploadedPhoto,
): Promise<Result<SessionPhoto, AppendRefused | DecodeError>> {
  const otherStepHashes = otherStepHashesOf(attempts, upload.photoCode);
  const started = performance.now();
  const owner = { account: String(session.accountId), session: session.sessionKey };
  const judged = await context.qaSlots.run(owner, () =>
    judgeUpload({ bytes: upload.bytes, photoCode: upload.photoCode, otherStepHashes, settings: context.qaSettings }),
  );
  if (!judged.ok) return judged;
  return storeJudged(context, session, judged.value, {
    sessionId: session.id,
    photoCode: upload.photoCode,
    processingMs: performance.now() - started,
    createdAt: upload.receivedAt.getTime(),
    verdictAt: context.now().getTime(),
  });
}
