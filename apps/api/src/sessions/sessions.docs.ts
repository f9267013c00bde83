import {
  AddNoteRequest,
  CreateSessionRequest,
  DeleteSessionResponse,
  InvalidateSessionRequest,
  ListSessionsQuery,
  Session,
  SessionKey,
  SessionList,
  SessionNote,
  SessionNotes,
  SessionPhotos,
  SessionProgress,
  SessionResults,
  UpdateSessionRequest,
} from '@pave/domain';
import { notModified, refusal, routeGroup, type RouteDoc } from '../openapi/route-doc.js';

const sessionKeyParam = {
  session_key: { schema: SessionKey, description: 'The session key, `AAA-XXXXXXXXXX`.' },
};
const unauthorized = refusal('Missing or invalid credentials; the message says which header or what is wrong.');
const notFound = refusal(
  "No such session for this API key (unknown, malformed or another account's key all look alike).",
);

const collectionRoutes = routeGroup({ tag: 'Sessions', auth: true }, [
  {
    method: 'post',
    path: '/v1/sessions',
    operationId: 'createSession',
    summary: 'Create a session',
    description:
      "PAVE's nested body (`session`, `vehicle`, `sms`, each optional; `year` and `odom_reading` as numbers or digit " +
      'strings). Answers 200 with the new IDLE session and its capture link. Unknown keys are refused, naming the key.',
    body: { schema: CreateSessionRequest, contentType: 'application/json' },
    responses: {
      200: { description: 'The new session.', schema: Session },
      400: refusal('Malformed JSON, an unknown field or a bad value.'),
      401: unauthorized,
      413: refusal('Body over 64 kB.'),
      415: refusal('Body is not application/json.'),
    },
  },
  {
    method: 'get',
    path: '/v1/sessions',
    operationId: 'listSessions',
    summary: "List the account's sessions",
    description: 'Our extension: newest first, optionally by status, with an opaque cursor.',
    query: ListSessionsQuery,
    responses: {
      200: { description: 'One page of sessions.', schema: SessionList },
      400: refusal('A bad filter, limit or cursor.'),
      401: unauthorized,
    },
  },
]);

const sessionRoutes = routeGroup({ tag: 'Sessions', auth: true, pathParams: sessionKeyParam }, [
  {
    method: 'get',
    path: '/v1/sessions/:session_key',
    operationId: 'getSession',
    summary: 'Read a session',
    responses: {
      200: { description: 'The session.', schema: Session },
      304: notModified,
      401: unauthorized,
      404: notFound,
    },
  },
  {
    method: 'put',
    path: '/v1/sessions/:session_key',
    operationId: 'updateSession',
    summary: 'Update a session',
    description:
      'PAVE-compatible: `session`, `vehicle` and `sms` as in create, every field optional. `redirect_url` and ' +
      '`language` change until COMPLETE, `theme` only while IDLE, `sms.to` only before the capture started; a refused ' +
      'change is a 400 naming the field, and nothing of the request is applied.',
    body: { schema: UpdateSessionRequest, contentType: 'application/json' },
    responses: {
      200: { description: 'The updated session.', schema: Session },
      400: refusal('Malformed JSON, an unknown field, a bad value, or a change the rules forbid now (named).'),
      401: unauthorized,
      404: notFound,
      409: refusal('The session kept changing during the update; nothing was applied, try again.'),
    },
  },
  {
    method: 'delete',
    path: '/v1/sessions/:session_key',
    operationId: 'deleteSession',
    summary: 'Delete a session that has not started',
    responses: {
      200: { description: 'Removed.', schema: DeleteSessionResponse },
      400: refusal('The session is no longer IDLE.'),
      401: unauthorized,
      404: notFound,
    },
  },
  {
    method: 'get',
    path: '/v1/sessions/:session_key/photos',
    operationId: 'getSessionPhotos',
    summary: "A session's photos with their QA outcome",
    description: 'The contract endpoint: a bare array, one element per attempt, in capture order; `[]` when none.',
    responses: {
      200: { description: 'Every attempt so far.', schema: SessionPhotos },
      304: notModified,
      401: unauthorized,
      404: notFound,
    },
  },
  {
    method: 'get',
    path: '/v1/sessions/:session_key/results',
    operationId: 'getSessionResults',
    summary: "A completed session's results document",
    description:
      'PAVE-compatible: the document the SESSION:COMPLETE callback carries; its `photos` are byte for byte the answer ' +
      'of `GET …/photos`.',
    responses: {
      200: { description: 'The results.', schema: SessionResults },
      304: notModified,
      400: refusal('`Session is not yet completed.`'),
      401: unauthorized,
      404: notFound,
    },
  },
  {
    method: 'get',
    path: '/v1/sessions/:session_key/notes',
    operationId: 'listSessionNotes',
    summary: "A session's notes",
    description: 'PAVE lists this route; a bare array, oldest first.',
    responses: {
      200: { description: 'The notes.', schema: SessionNotes },
      304: notModified,
      401: unauthorized,
      404: notFound,
    },
  },
  {
    method: 'post',
    path: '/v1/sessions/:session_key/notes',
    operationId: 'addSessionNote',
    summary: 'Add a note to a session',
    description:
      "Our extension: a reviewer's note (1–2000 characters, trimmed), in any status. `author` is the signed-in " +
      "person's email, or the account's username for a request signed with an API key.",
    body: { schema: AddNoteRequest, contentType: 'application/json' },
    responses: {
      201: { description: 'The note.', schema: SessionNote },
      400: refusal('Malformed JSON, an unknown field or an empty or too long note.'),
      401: unauthorized,
      404: notFound,
    },
  },
  {
    method: 'post',
    path: '/v1/sessions/:session_key/invalidate',
    operationId: 'invalidateSession',
    summary: 'Invalidate a session',
    description:
      'Our extension: the session becomes INVALID with the reason given (a leaked link, a wrong vehicle); its capture ' +
      'link takes nothing more.',
    body: { schema: InvalidateSessionRequest, contentType: 'application/json' },
    responses: {
      200: { description: 'The invalidated session.', schema: Session },
      400: refusal('Malformed JSON, an unknown field, or a missing or too long reason.'),
      401: unauthorized,
      404: notFound,
      409: refusal('The session is already INVALID.'),
    },
  },
  {
    method: 'get',
    path: '/v1/sessions/:session_key/progress',
    operationId: 'getSessionProgress',
    summary: "A session's capture progress, step by step",
    description: 'Our extension: each step with its state and attempts (reason codes, QA time, thumbnails).',
    responses: {
      200: { description: 'The progress.', schema: SessionProgress },
      304: notModified,
      401: unauthorized,
      404: notFound,
    },
  },
]);

/** The routes of sessions.router.ts. */
export const sessionsRouteDocs: readonly RouteDoc[] = [...collectionRoutes, ...sessionRoutes];
