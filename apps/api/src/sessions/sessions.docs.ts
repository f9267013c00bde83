import {
  CreateSessionRequest,
  DeleteSessionResponse,
  ListSessionsQuery,
  Session,
  SessionKey,
  SessionList,
  SessionPhotos,
  SessionProgress,
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
    description: 'PAVE-compatible: answers 200 with the new IDLE session and its capture link.',
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
