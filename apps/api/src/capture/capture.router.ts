import {
  ManualEntryRequest,
  PhotoCode,
  SkipRequest,
  confirmRefusedMessage,
  sessionClosedMessage,
  sessionNotFoundMessage,
  skipErrorMessage,
  type Result,
} from '@pave/domain';
import { type Request, type Response, Router } from 'express';
import { ApiProblem } from '../http/api-problem.js';
import { sendTaggedJson } from '../http/entity-tag.js';
import { methodNotAllowed } from '../http/error-handler.js';
import { parseOrThrow } from '../http/parse-or-throw.js';
import { problemOf, type ProblemTable } from '../http/problem-table.js';
import { errorStyle, jsonBody, sessionKeyOrNotFound } from '../http/route-helpers.js';
import type { CaptureError } from './capture-error.js';
import type { CaptureService } from './capture.service.js';
import { drainAfterResponse, readUpload, type UploadError } from './read-upload.js';
import type { Semaphore } from './semaphore.js';

/** What the capture routes need besides the service. */
export type CaptureRouterOptions = {
  /** The largest accepted image file, in bytes. */
  readonly maxInputBytes: number;
  /** Uploads being read or processed at once; past it, uploads are answered 503 at once (nothing is read). */
  readonly uploadSlots: Semaphore;
  readonly now: () => Date;
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
  not_multipart: ['unsupported_media_type', theirOwnWords],
  bad_form: ['invalid_request', theirOwnWords],
} satisfies ProblemTable<CaptureError | UploadError>;

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

function createUploadHandler(service: CaptureService, options: CaptureRouterOptions) {
  return async (req: Request<{ session_key: string; photo_code: string }>, res: Response): Promise<void> => {
    const receivedAt = options.now();
    drainAfterResponse(req, res, { maxBytes: options.maxInputBytes, maxMs: drainMs });
    const release = options.uploadSlots.tryAcquire();
    if (!release) {
      throw new ApiProblem('unavailable', 'Too many uploads in progress; try again in a moment.', {
        retryAfterSeconds: 2,
      });
    }
    try {
      const sessionKey = sessionKeyOrNotFound(req.params.session_key);
      const photoCode = photoCodeOrBadRequest(req.params.photo_code);
      const session = valueOrThrow(await service.beginUpload(sessionKey));
      const { bytes } = valueOrThrow(await readUpload(req, { maxBytes: options.maxInputBytes }));
      res.status(201).json(valueOrThrow(await service.completeUpload(session, { photoCode, bytes, receivedAt })));
    } finally {
      release();
    }
  };
}

/** The capture app's routes, `/v1/capture/:session_key…` (see capture.docs.ts): the capture link is the authority. */
export function createCaptureRouter(service: CaptureService, options: CaptureRouterOptions): Router {
  const router = Router();
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
  return router;
}
