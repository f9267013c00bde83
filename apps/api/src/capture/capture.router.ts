import {
  attemptsExhaustedMessage,
  captureTokenHeader,
  ManualEntryRequest,
  PhotoCode,
  SkipRequest,
  confirmRefusedMessage,
  sessionClosedMessage,
  sessionNotFoundMessage,
  skipErrorMessage,
  type Result,
} from '@pave/domain';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import { ApiProblem } from '../http/api-problem.js';
import { sendTaggedJson } from '../http/entity-tag.js';
import { methodNotAllowed } from '../http/error-handler.js';
import { parseOrThrow } from '../http/parse-or-throw.js';
import { problemOf, type ProblemTable } from '../http/problem-table.js';
import { errorStyle, jsonBody, sessionKeyOrNotFound } from '../http/route-helpers.js';
import type { SessionRow } from '../storage/repository.js';
import type { CaptureError } from './capture-error.js';
import type { CaptureService } from './capture.service.js';
import { drainAfterResponse, readUpload, type UploadError, type UploadPace } from './read-upload.js';
import type { AdmissionRefusal, UploadAdmission } from './upload-admission.js';
import type { CaptureBudgets } from './capture-budgets.js';

/** What the capture routes need besides the service. */
export type CaptureRouterOptions = {
  /** The largest accepted image file, in bytes. */
  readonly maxInputBytes: number;
  /** Which uploads may be read and processed now; the others are answered 503 at once (nothing is read). */
  readonly admission: UploadAdmission;
  /** The slowest upload body the server keeps reading; a slower one is answered 408 and its share given back. */
  readonly pace: UploadPace;
  readonly now: () => Date;
  /** Requests per minute per session and per client address, and the 404 budget per address. */
  readonly budgets: CaptureBudgets;
};

/** How long, and how much of, a refused upload's body is read and discarded before the connection is cut. */
const drainMs = 10_000;

const ours = errorStyle('extended');

// The domain's manual-entry check, the decoder and the multipart reader word their refusals themselves: each
// describes the typed value, the file or the form it refused.
const theirOwnWords = (error: { readonly message: string }): string => error.message;

/** How each refusal of the capture service, and of reading an upload, is answered. */
const captureProblems = {
  session_not_found: ['not_found', (error) => sessionNotFoundMessage(error.sessionKey)],
  session_closed: ['session_closed', (error) => sessionClosedMessage(error.sessionKey, error.status)],
  confirm_refused: ['invalid_transition', (error) => confirmRefusedMessage(error.sessionKey, error.status)],
  not_skippable: ['not_skippable', skipErrorMessage],
  already_accepted: ['already_accepted', skipErrorMessage],
  needed_images_missing: ['needed_images_missing', skipErrorMessage],
  invalid_manual_value: ['invalid_manual_value', theirOwnWords],
  not_an_image: ['unsupported_media_type', theirOwnWords],
  too_large: ['payload_too_large', theirOwnWords],
  too_many_pixels: ['unprocessable_image', theirOwnWords],
  too_costly: ['unprocessable_image', theirOwnWords],
  not_multipart: ['unsupported_media_type', theirOwnWords],
  bad_form: ['invalid_request', theirOwnWords],
  too_slow: ['request_timeout', theirOwnWords],
  attempts_exhausted: ['attempts_exhausted', attemptsExhaustedMessage],
  storage_quota_exceeded: ['storage_quota_exceeded', storageQuotaMessage],
} satisfies ProblemTable<CaptureError | UploadError>;

/** The 413 message of a photo over its account's storage quota. */
function storageQuotaMessage(error: { readonly quotaBytes: number }): string {
  const megabytes = Number((error.quotaBytes / 1e6).toPrecision(3));
  return `This account keeps at most ${megabytes} MB of images and has reached it: no more photos are stored until some are erased.`;
}

function photoCodeOrBadRequest(raw: string): PhotoCode {
  const parsed = /^\d{1,2}$/.test(raw) ? PhotoCode.safeParse(Number(raw)) : null;
  if (parsed?.success) return parsed.data;
  throw new ApiProblem(
    'invalid_request',
    `Invalid photo code "${raw.slice(0, 20)}": expected an integer from 1 to 13.`,
  );
}

function valueOrThrow<T>(result: Result<T, CaptureError | UploadError>): T {
  if (!result.ok) throw problemOf(captureProblems, result.error);
  return result.value;
}

const admissionMessages = {
  server_busy: 'Too many uploads in progress; try again in a moment.',
  session_busy: 'This session already has uploads in progress; try again once they are answered.',
  address_busy: 'Too many uploads in progress from this address; try again in a moment.',
} as const satisfies Record<AdmissionRefusal['code'], string>;

/** The declared body length, when there is a valid one. */
function declaredBytesOf(req: Request): number | null {
  const declared = Number(req.get('Content-Length') ?? Number.NaN);
  return Number.isSafeInteger(declared) && declared >= 0 ? declared : null;
}

function admitOrThrow(req: Request<{ session_key: string }>, admission: UploadAdmission): () => void {
  const admitted = admission.admit({
    sessionKey: req.params.session_key,
    address: req.socket.remoteAddress ?? 'unknown',
    declaredBytes: declaredBytesOf(req),
  });
  if (admitted.ok) return admitted.value;
  throw new ApiProblem('unavailable', admissionMessages[admitted.error.code], { retryAfterSeconds: 1 });
}

function createUploadHandler(service: CaptureService, options: CaptureRouterOptions) {
  return async (req: Request<{ session_key: string; photo_code: string }>, res: Response): Promise<void> => {
    const receivedAt = options.now();
    const release = admitOrThrow(req, options.admission);
    try {
      const photoCode = photoCodeOrBadRequest(req.params.photo_code);
      const slot = valueOrThrow(await service.beginUpload(openedSession(res), photoCode));
      const read = await readUpload(req, { maxBytes: options.maxInputBytes, pace: options.pace });
      // a client too slow to send its photo gets its answer on a connection that then closes
      if (!read.ok && read.error.code === 'too_slow') res.set('Connection', 'close');
      const { bytes } = valueOrThrow(read);
      res.status(201).json(valueOrThrow(await service.completeUpload(slot, { photoCode, bytes, receivedAt })));
    } finally {
      release();
    }
  };
}

/**
 * Lets a request through only with the session's capture token in the `Capture-Token` header. A missing or wrong
 * token, like a revoked link, is the same 404 as an unknown session: nothing tells a guess apart from a miss.
 */
function requireCaptureToken(service: CaptureService): RequestHandler {
  return async (req, res, next) => {
    const param: unknown = req.params['session_key'];
    const raw = typeof param === 'string' ? param : '';
    const session = await service.open(sessionKeyOrNotFound(raw), req.get(captureTokenHeader));
    if (!session) throw new ApiProblem('not_found', sessionNotFoundMessage(raw));
    res.locals.captureSession = session;
    next();
  };
}

/** The session the request's capture token opened; a route without the token check in front is a bug. */
function openedSession(res: Response): SessionRow {
  const session = res.locals.captureSession;
  if (!session) throw new Error('invariant: this route runs behind the capture token check');
  return session;
}

/**
 * The capture app's routes, `/v1/capture/:session_key…` (see capture.docs.ts): the capture link's token, sent as
 * `Capture-Token`, is the authority.
 */
export function createCaptureRouter(service: CaptureService, options: CaptureRouterOptions): Router {
  const router = Router();
  // a request refused before its body is read (a budget, a wrong token, a full pool) still sees its answer
  const drainRefused: RequestHandler = (req, res, next) => {
    drainAfterResponse(req, res, { maxBytes: options.maxInputBytes, maxMs: drainMs });
    next();
  };
  router.use('/v1/capture', ours, drainRefused, options.budgets.perAddress('capture'));
  router.use('/v1/capture/:session_key', requireCaptureToken(service), options.budgets.perSession);
  router
    .route('/v1/capture/:session_key')
    .get(ours, async (req, res) => {
      sendTaggedJson(req, res, valueOrThrow(await service.get(sessionKeyOrNotFound(req.params.session_key))));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/v1/capture/:session_key/start')
    .post(ours, async (req, res) => {
      res.json(valueOrThrow(await service.start(sessionKeyOrNotFound(req.params.session_key))));
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/capture/:session_key/photos/:photo_code')
    .post(ours, createUploadHandler(service, options))
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/capture/:session_key/manual')
    .post(ours, ...jsonBody, async (req, res) => {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const entry = parseOrThrow(ManualEntryRequest, req.body, 'manual entry');
      res.status(201).json(valueOrThrow(await service.manual(sessionKey, entry)));
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/capture/:session_key/skip')
    .post(ours, ...jsonBody, async (req, res) => {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const { photo_code: photoCode } = parseOrThrow(SkipRequest, req.body, 'skip');
      res.status(201).json(valueOrThrow(await service.skip(sessionKey, photoCode)));
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/capture/:session_key/confirm')
    .post(ours, async (req, res) => {
      res.json(valueOrThrow(await service.confirm(sessionKeyOrNotFound(req.params.session_key))));
    })
    .all(methodNotAllowed(['POST']));
  router.use('/v1/capture', options.budgets.countNotFound);
  return router;
}
