import {
  captureProgress,
  captureTokenHeader,
  sessionNotFoundMessage,
  checkManualEntry,
  checkSkip,
  confirmRefusedMessage,
  formatWireTimestamp,
  isAcceptingStatus,
  ManualEntryRequest,
  PhotoCode,
  sessionClosedMessage,
  SkipRequest,
  skipErrorMessage,
  toCaptureState,
  transitionStatus,
  uploadFieldName,
  type AttemptRecord,
} from '@pave/domain';
import { buildAttemptRecord, type BuildAttemptRecordOptions } from '@pave/domain/testing';
import {
  answer,
  fakeApiBaseUrl,
  fakeCaptureToken,
  refuse,
  withSession,
  type FakeAnswer,
  type FakeHandler,
  type FakeRouteContext,
} from './fake-api-answers.js';
import type { FakeSessionEntry } from './fake-api-store.js';

type Work = (entry: FakeSessionEntry) => FakeAnswer | Promise<FakeAnswer>;

/** The integrator's name the fake API answers in the capture state (the API's: the account's username). */
export const fakeIntegrator = 'demo';

/** The capture state of a session, as the API answers it. */
function stateOf(entry: FakeSessionEntry) {
  return toCaptureState({ ...entry.session, integrator: fakeIntegrator }, entry.attempts);
}

/** Runs `work` on the path's session if it takes attempts; else the API's 404 or 409. */
function whileAccepting(context: FakeRouteContext, work: Work): Promise<FakeAnswer> {
  return withSession(context, (entry) => {
    const { session_key: key, status } = entry.session;
    return isAcceptingStatus(status) ? work(entry) : refuse('session_closed', sessionClosedMessage(key, status));
  });
}

/** Records an attempt made now and answers it as the API does (201 with its seven wire fields). */
function record(context: FakeRouteContext, entry: FakeSessionEntry, options: BuildAttemptRecordOptions): FakeAnswer {
  const at = formatWireTimestamp(context.store.now());
  const attempt: AttemptRecord = buildAttemptRecord({ ...options, created_at: at, updated_at: at });
  context.store.append(entry, attempt);
  return answer(201, attempt.photo);
}

async function upload(context: FakeRouteContext, entry: FakeSessionEntry): Promise<FakeAnswer> {
  const photoCode = PhotoCode.parse(Number(context.params['code']));
  const image = (await context.request.formData()).get(uploadFieldName);
  if (image === null || typeof image === 'string') throw new Error(`no file in the "${uploadFieldName}" field`);
  const name = `${fakeApiBaseUrl}/images/${entry.session.session_key}-${entry.attempts.length + 1}`;
  return record(context, entry, {
    photo_code: photoCode,
    reason: context.judge(photoCode, image),
    url: `${name}.jpg`,
    thumbnailUrl: `${name}.thumb.jpg`,
  });
}

async function manual(context: FakeRouteContext): Promise<FakeAnswer> {
  const entry = ManualEntryRequest.parse(await context.request.json());
  const checked = checkManualEntry(entry.photo_code, entry.value);
  if (!checked.ok) return refuse(checked.error.code, checked.error.message);
  return whileAccepting(context, (found) => {
    // as the API: a typed value is what capture learned about the vehicle, in place of the given one
    const learned = entry.photo_code === 1 ? { vin: checked.value } : { odom_reading: Number(checked.value) };
    found.session = { ...found.session, vehicle: { ...found.session.vehicle, ...learned } };
    return record(context, found, {
      photo_code: entry.photo_code,
      manual: true,
      url: `${fakeApiBaseUrl}/images/default/${entry.photo_code}.jpg`,
    });
  });
}

async function skip(context: FakeRouteContext): Promise<FakeAnswer> {
  const { photo_code: photoCode } = SkipRequest.parse(await context.request.json());
  return whileAccepting(context, (entry) => {
    const accepted = captureProgress(entry.attempts.map((attempt) => attempt.photo)).accepted;
    const allowed = checkSkip(photoCode, accepted);
    if (!allowed.ok) return refuse(allowed.error.code, skipErrorMessage(allowed.error));
    return record(context, entry, { photo_code: photoCode, reason: 'skipped', url: null });
  });
}

/** Moves the session on `event` and answers its capture state, or the API's refusal. */
function move(context: FakeRouteContext, event: 'open' | 'confirm'): Promise<FakeAnswer> {
  return withSession(context, (entry) => {
    const { session_key: key, status } = entry.session;
    const next = transitionStatus(status, event);
    if (!next.ok && event === 'open') return refuse('session_closed', sessionClosedMessage(key, status));
    if (!next.ok) return refuse('invalid_transition', confirmRefusedMessage(key, status));
    context.store.setStatus(entry, next.value);
    return answer(200, stateOf(entry));
  });
}

/**
 * As the API: a missing or wrong `Capture-Token` is the 404 of an unknown session; the right one opens the link in
 * every status (a closed session shows its status, an `INVALID` one its reason, and takes nothing more).
 */
function withToken(handler: FakeHandler): FakeHandler {
  return (context) => {
    const key = context.params['key'] ?? '';
    const entry = context.store.find(key);
    const opens = entry !== null && context.request.headers.get(captureTokenHeader) === fakeCaptureToken(key);
    return opens ? handler(context) : refuse('not_found', sessionNotFoundMessage(key));
  };
}

const openCaptureRoutes = {
  'GET /v1/capture/:key': (context) => withSession(context, (entry) => answer(200, stateOf(entry))),
  'POST /v1/capture/:key/start': (context) => move(context, 'open'),
  'POST /v1/capture/:key/photos/:code': (context) => whileAccepting(context, (entry) => upload(context, entry)),
  'POST /v1/capture/:key/manual': manual,
  'POST /v1/capture/:key/skip': skip,
  'POST /v1/capture/:key/confirm': (context) => move(context, 'confirm'),
} satisfies Record<string, FakeHandler>;

/** The capture app's `/v1/capture/:key` routes (the link's token, no credentials), answered with the domain's rules. */
export const captureRoutes = Object.fromEntries(
  Object.entries(openCaptureRoutes).map(([route, handler]) => [route, withToken(handler)]),
) as Record<keyof typeof openCaptureRoutes, FakeHandler>;

/** A route of the capture API. */
export type CaptureRoute = keyof typeof captureRoutes;
