import {
  acceptingStatuses,
  checkManualEntry,
  checkSkip,
  confirmRefusedMessage,
  isAcceptingStatus,
  isDeletableStatus,
  sessionClosedMessage,
  sessionNotFoundMessage,
  skipErrorMessage,
  type ApiErrorCode,
  type CaptureState,
  type ManualEntryRequest,
  type PhotoCode,
  type Result,
  type SessionKey,
  type SessionPhoto,
} from '@pave/domain';
import type { ImageStore } from '../images/image-store.js';
import type { DecodeErrorCode } from '../qa/decode-image.js';
import type { QaSettings } from '../qa/qa-settings.js';
import { toSessionPhoto } from '../sessions/session-wire.js';
import type { AppendError, AttemptRow, NewAttempt, Repository, SessionRow } from '../storage/repository.js';
import { captureStateOf, otherStepHashesOf, progressOf } from './capture-state.js';
import { judgeUpload, type JudgedUpload } from './judge-upload.js';
import type { Semaphore } from './semaphore.js';
import { createSessionLifecycle } from './session-lifecycle.js';

/** What the capture service needs. */
export type CaptureDeps = {
  readonly repo: Repository;
  readonly images: ImageStore;
  readonly now: () => Date;
  readonly publicBaseUrl: string;
  readonly qaSettings: QaSettings;
  /** Bounds how many uploads are decoded and judged at once (each holds a decoded image in memory). */
  readonly qaSlots: Semaphore;
};

/** A refusal: an error code (its HTTP status lives in the error handler's table) and a message for the driver. */
export type CaptureProblem = { readonly code: ApiErrorCode; readonly message: string };

type Outcome<T> = Result<T, CaptureProblem>;

/** What a photo attempt has besides its image and verdict. */
type PhotoFields = Pick<
  Extract<NewAttempt, { kind: 'photo' }>,
  'sessionId' | 'photoCode' | 'processingMs' | 'createdAt' | 'verdictAt'
>;

const fail = (code: ApiErrorCode, message: string): { ok: false; error: CaptureProblem } => ({
  ok: false,
  error: { code, message },
});

const decodeProblems = {
  not_an_image: 'unsupported_media_type',
  too_large: 'payload_too_large',
  too_many_pixels: 'unprocessable_image',
} as const satisfies Record<DecodeErrorCode, ApiErrorCode>;

function appendProblem(sessionKey: SessionKey, error: AppendError): { ok: false; error: CaptureProblem } {
  return error.code === 'session_closed'
    ? fail('session_closed', sessionClosedMessage(sessionKey, error.status))
    : fail('not_found', sessionNotFoundMessage(sessionKey));
}

/** The capture app's side of a session: read its state, start it, add photos, typed values and skips, confirm. */
export function createCaptureService(deps: CaptureDeps) {
  const { repo, images, publicBaseUrl } = deps;
  const lifecycle = createSessionLifecycle(deps);
  const notFound = (sessionKey: SessionKey) => fail('not_found', sessionNotFoundMessage(sessionKey));

  /** The session, if it takes attempts (no side effect: a refused attempt leaves an `IDLE` session as it is). */
  const findAccepting = async (sessionKey: SessionKey): Promise<Outcome<SessionRow>> => {
    const found = await lifecycle.find(sessionKey);
    if (!found) return notFound(sessionKey);
    return isAcceptingStatus(found.status)
      ? { ok: true, value: found }
      : fail('session_closed', sessionClosedMessage(found.sessionKey, found.status));
  };

  /**
   * Appends an attempt: a session that could still be deleted (`IDLE`) is started first, so it can no longer be
   * deleted under the attempt; the append is refused under the session's lock once the session closed.
   */
  const append = async (session: SessionRow, attempt: NewAttempt): Promise<Outcome<AttemptRow>> => {
    if (isDeletableStatus(session.status)) await lifecycle.apply(session, 'open');
    const appended = await repo.attempts.append(attempt, { whileStatusIn: acceptingStatuses });
    return appended.ok ? appended : appendProblem(session.sessionKey, appended.error);
  };

  /** Moves the status along (PROCESS, QC_PASSED, …) once an attempt is stored, and answers the attempt. */
  const recorded = async (session: SessionRow, row: AttemptRow): Promise<Outcome<SessionPhoto>> => {
    await lifecycle.settle(session.sessionKey);
    return { ok: true, value: toSessionPhoto(row, publicBaseUrl) };
  };

  const record = async (session: SessionRow, attempt: NewAttempt): Promise<Outcome<SessionPhoto>> => {
    const appended = await append(session, attempt);
    return appended.ok ? recorded(session, appended.value) : appended;
  };

  /**
   * After a failed append the files go, unless a row points to them after all (a commit whose answer was lost):
   * when that cannot be told, they stay for the start-up sweep. A row never loses its files.
   */
  const removeUnlessReferenced = async (imageId: string): Promise<void> => {
    const referenced = await repo.attempts.findReferencedImageIds([imageId]).catch(() => null);
    if (referenced && !referenced.has(imageId)) await images.remove(imageId);
  };

  /** Stores the judged files durably, then commits the row that points to them (removing the files if refused). */
  const storeJudged = async (
    session: SessionRow,
    judged: JudgedUpload,
    attempt: PhotoFields,
  ): Promise<Outcome<SessionPhoto>> => {
    const imageId = images.newId();
    const files = { full: judged.jpeg.data, thumb: judged.thumbnail.data };
    await images.save(imageId, files).catch(async (error: unknown) => {
      await images.remove(imageId);
      throw error;
    });
    const row = { ...attempt, kind: 'photo', imageId, verdict: judged.verdict, qaMeasures: judged.qaMeasures } as const;
    const appended = await append(session, row).catch(async (error: unknown) => {
      await removeUnlessReferenced(imageId);
      throw error;
    });
    if (appended.ok) return recorded(session, appended.value);
    await images.remove(imageId);
    return appended;
  };

  const stateOf = async (sessionKey: SessionKey): Promise<Outcome<CaptureState>> => {
    const settled = await lifecycle.settle(sessionKey);
    if (!settled) return notFound(sessionKey);
    return { ok: true, value: captureStateOf(settled.session, settled.attempts, publicBaseUrl) };
  };

  return {
    get: stateOf,

    async start(sessionKey: SessionKey): Promise<Outcome<CaptureState>> {
      const session = await lifecycle.find(sessionKey);
      if (!session) return notFound(sessionKey);
      const started = await lifecycle.apply(session, 'open');
      if (!started) return notFound(sessionKey);
      if (!started.ok) return fail('session_closed', sessionClosedMessage(sessionKey, session.status));
      return stateOf(sessionKey);
    },

    /**
     * Checks, before the upload is read, that the session takes photos. No side effect: an `IDLE` session is
     * started only when the judged photo is appended (`completeUpload`).
     */
    beginUpload: findAccepting,

    /** Judges, stores and records an upload read for `session`; `receivedAt` is when the upload arrived. */
    async completeUpload(
      session: SessionRow,
      upload: { readonly photoCode: PhotoCode; readonly bytes: Buffer; readonly receivedAt: Date },
    ): Promise<Outcome<SessionPhoto>> {
      const attempts = await repo.attempts.listForSession(session.id);
      const otherStepHashes = otherStepHashesOf(attempts, upload.photoCode);
      const started = performance.now();
      const judged = await deps.qaSlots.run(() =>
        judgeUpload({ bytes: upload.bytes, photoCode: upload.photoCode, otherStepHashes, settings: deps.qaSettings }),
      );
      if (!judged.ok) return fail(decodeProblems[judged.error.code], judged.error.message);
      return storeJudged(session, judged.value, {
        sessionId: session.id,
        photoCode: upload.photoCode,
        processingMs: performance.now() - started,
        createdAt: upload.receivedAt.getTime(),
        verdictAt: deps.now().getTime(),
      });
    },

    async manual(sessionKey: SessionKey, request: ManualEntryRequest): Promise<Outcome<SessionPhoto>> {
      const checked = checkManualEntry(request.photo_code, request.value);
      if (!checked.ok) return fail('invalid_manual_value', checked.error.message);
      const session = await findAccepting(sessionKey);
      if (!session.ok) return session;
      const at = deps.now().getTime();
      const base = { sessionId: session.value.id, photoCode: request.photo_code, createdAt: at, verdictAt: at };
      return record(session.value, { ...base, kind: 'manual', manualValue: checked.value });
    },

    async skip(sessionKey: SessionKey, photoCode: PhotoCode): Promise<Outcome<SessionPhoto>> {
      const session = await findAccepting(sessionKey);
      if (!session.ok) return session;
      const attempts = await repo.attempts.listForSession(session.value.id);
      const allowed = checkSkip(photoCode, progressOf(attempts, publicBaseUrl).accepted);
      if (!allowed.ok) return fail(allowed.error.code, skipErrorMessage(allowed.error));
      const at = deps.now().getTime();
      return record(session.value, {
        kind: 'skip',
        sessionId: session.value.id,
        photoCode,
        createdAt: at,
        verdictAt: at,
      });
    },

    async confirm(sessionKey: SessionKey): Promise<Outcome<CaptureState>> {
      const confirmed = await lifecycle.confirm(sessionKey);
      if (!confirmed) return notFound(sessionKey);
      if (!confirmed.ok) return fail('invalid_transition', confirmRefusedMessage(sessionKey, confirmed.error.from));
      return stateOf(sessionKey);
    },
  };
}

/** The capture service. */
export type CaptureService = ReturnType<typeof createCaptureService>;
