import {
  CaptureState,
  ManualEntryRequest,
  PhotoCode,
  SessionKey,
  SessionPhoto,
  SkipRequest,
  uploadFieldName,
} from '@pave/domain';
import { z } from 'zod';
import { notModified, refusal, routeGroup, type ResponseDoc, type RouteDoc } from '../openapi/route-doc.js';

/** The multipart body of an upload, for the docs (the server reads it with busboy, not with this schema). */
export const PhotoUpload = z
  .strictObject({
    [uploadFieldName]: z.string().meta({
      format: 'binary',
      contentMediaType: 'application/octet-stream',
      description: 'The photo: JPEG, PNG, WebP or AVIF (judged from its bytes; the file name and type are ignored).',
    }),
  })
  .meta({
    description: `One file field \`${uploadFieldName}\`; no other file field, at most 20 MiB and 50 megapixels.`,
  });

const sessionKeyParam = {
  session_key: { schema: SessionKey, description: 'The session key of the capture link, `AAA-XXXXXXXXXX`.' },
};
const notFound = refusal(
  'No such session (unknown or malformed key), or a missing or wrong `Capture-Token`, or a revoked link: `Session <key> cannot be found.`',
);
const closed = refusal('The session is COMPLETE, EXPIRED or INVALID: it takes no more attempts (`session_closed`).');
const attempt: ResponseDoc = { description: 'The new attempt, as `GET …/photos` will list it.', schema: SessionPhoto };
const state = (description: string): ResponseDoc => ({ description, schema: CaptureState });
const capture = { tag: 'Capture', auth: 'capture-token', pathParams: sessionKeyParam } as const;

const stateRoutes = routeGroup(capture, [
  {
    method: 'get',
    path: '/v1/capture/:session_key',
    operationId: 'getCaptureState',
    summary: 'What the capture app shows',
    description:
      'The status, the 13 steps (state, attempts, latest attempt, may_skip, manual_entry), the next step, whether attempts are accepted, and what the app shows around them (language, redirect_url, the integrator, the vehicle). Reading it never starts the session: an IDLE one stays IDLE (and deletable) however often the link is opened or previewed. An overdue unfinished session becomes EXPIRED here.',
    responses: { 200: state('The capture state.'), 304: notModified, 404: notFound },
  },
  {
    method: 'post',
    path: '/v1/capture/:session_key/start',
    operationId: 'startCapture',
    summary: 'The driver starts the capture',
    description:
      'The driver’s first action (the capture app’s “Start”): IDLE → STARTED, and the session can no longer be deleted. A first attempt starts it too. Idempotent (a started session is left as it is).',
    responses: { 200: state('The capture state.'), 404: notFound, 409: closed },
  },
  {
    method: 'post',
    path: '/v1/capture/:session_key/confirm',
    operationId: 'confirmCapture',
    summary: 'The driver confirms a complete capture',
    description: 'QC_PASSED (or CONFIRM) → COMPLETE.',
    responses: {
      200: state('The capture state, COMPLETE.'),
      404: notFound,
      409: refusal('Not QC_PASSED: the capture is incomplete, or the session is closed.'),
    },
  },
]);

const attemptRoutes = routeGroup(capture, [
  {
    method: 'post',
    path: '/v1/capture/:session_key/photos/:photo_code',
    operationId: 'uploadCapturePhoto',
    summary: 'Upload a photo for a step',
    description:
      'Runs image QA (Low Resolution, Wrong Orientation, Too Dark, Too Bright, Blurry Image, Wrong View), stores the image (EXIF-rotated JPEG without metadata, and a thumbnail) and records the attempt; a retake supersedes the previous attempt of the step. An IDLE session starts.',
    pathParams: {
      photo_code: { schema: PhotoCode, description: 'The step’s photo code, 1 to 13.' },
    },
    body: { schema: PhotoUpload, contentType: 'multipart/form-data' },
    responses: {
      201: attempt,
      400: refusal('A bad photo code, no file, another file field or a second file.'),
      404: notFound,
      409: closed,
      413: refusal('The file is over the size limit (20 MiB by default).'),
      415: refusal('Not multipart/form-data, or the file is not a JPEG, PNG, WebP or AVIF image.'),
      422: refusal('Over the pixel limit (50 MP by default), e.g. a decompression bomb.'),
      503: refusal('Too many uploads in progress; retry after `Retry-After` seconds.'),
    },
  },
  {
    method: 'post',
    path: '/v1/capture/:session_key/manual',
    operationId: 'enterCaptureValue',
    summary: 'Type the VIN (1) or the odometer reading (3) instead of photographing it',
    description: 'The attempt is ACCEPTED, with the step’s default image as its url.',
    body: { schema: ManualEntryRequest, contentType: 'application/json' },
    responses: {
      201: attempt,
      400: refusal('Malformed JSON, an unknown field, or a code other than 1 and 3.'),
      404: notFound,
      409: closed,
      415: refusal('The body is not application/json.'),
      422: refusal('Not a VIN (17 characters, no I, O, Q) or not an odometer reading (1–7 digits).'),
    },
  },
  {
    method: 'post',
    path: '/v1/capture/:session_key/skip',
    operationId: 'skipCaptureStep',
    summary: 'Skip an exterior view',
    description:
      'Allowed once VIN, Interior, Cluster, Windshield and Tires are accepted, for an exterior view without an accepted photo. The attempt has url null and is REJECTED: Skipped.',
    body: { schema: SkipRequest, contentType: 'application/json' },
    responses: {
      201: attempt,
      400: refusal('A bad body, or a step that can never be skipped (`not_skippable`).'),
      404: notFound,
      409: refusal(
        'Needed images still missing (named in the message), the step is already accepted, or the session is closed.',
      ),
    },
  },
]);

const imageResponses = { 200: { description: 'The JPEG.', contentType: 'image/jpeg' }, 404: refusal('No such image.') };

const imageRoutes = routeGroup({ tag: 'Images', auth: false }, [
  {
    method: 'get',
    path: '/images/:file',
    operationId: 'getImage',
    summary: 'A stored photo (`<id>.jpg`) or its thumbnail (`<id>.thumb.jpg`)',
    description:
      'The id is unguessable (128 random bits). Cached for a year: an image never changes under its URL. Streamed ' +
      'with `ETag` and `Last-Modified` (conditional requests get a 304) and one `Range` at most; with ' +
      '`PAVE_IMAGE_REDIRECT=presigned` a 302 to a URL on the object server, valid for 5 minutes.',
    pathParams: { file: { schema: z.string(), description: '`<id>.jpg` or `<id>.thumb.jpg`.' } },
    responses: {
      ...imageResponses,
      206: { description: 'The requested byte range of the JPEG (`Content-Range`).', contentType: 'image/jpeg' },
      302: { description: 'The image is on the object server: `Location` is a presigned URL (bucket stores only).' },
      304: { description: 'The image has not changed (`If-None-Match`, `If-Modified-Since`).' },
      416: refusal('The range is outside the image (`Content-Range: bytes */<size>`).'),
    },
  },
  {
    method: 'get',
    path: '/images/default/:file',
    operationId: 'getDefaultImage',
    summary: 'The placeholder of a typed-in VIN (`1.jpg`) or odometer reading (`3.jpg`)',
    pathParams: { file: { schema: z.string(), description: '`1.jpg` or `3.jpg`.' } },
    responses: imageResponses,
  },
]);

/** The routes of capture.router.ts and images.router.ts. */
export const captureRouteDocs: readonly RouteDoc[] = [...stateRoutes, ...attemptRoutes, ...imageRoutes];
