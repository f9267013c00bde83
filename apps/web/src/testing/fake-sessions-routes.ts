import {
  captureProgress,
  isStepDone,
  type ListedProgress,
  buildSessionKey,
  CreateSessionRequest,
  isDeletableStatus,
  ListSessionsQuery,
  settingsOfCreate,
  toSessionObject,
  type Session,
  sessionRemovedMessage,
  sessionStartedMessage,
  toSessionProgress,
  type SessionKey,
  type SessionList,
} from '@pave/domain';
import {
  answer,
  parseBody,
  fakeCaptureUrl,
  refuse,
  withSession,
  type FakeHandler,
  type FakeRouteContext,
} from './fake-api-answers.js';
import type { FakeSessionEntry, FakeStore } from './fake-api-store.js';
import { createSessionChangeRoutes } from './fake-session-changes.js';
import { eventsRoutes } from './fake-events-routes.js';

// a new session expires after the default account's window, a week
const expiryWindowMs = 7 * 86_400_000;

/** What the API's search looks at: the key, client id, VIN, vehicle facts and reference values. */
function searchTextOf(session: Session): string {
  const { session_key: key, options, vehicle, reference } = session;
  return [key, options.client_id, ...Object.values(vehicle), ...Object.values(reference ?? {})].join(' ').toLowerCase();
}

function matches(session: Session, query: ListSessionsQuery): boolean {
  const created = Date.parse(session.created_at);
  return (
    (query.status === undefined || session.status === query.status) &&
    (query.q === undefined || searchTextOf(session).includes(query.q.toLowerCase())) &&
    (query.created_from === undefined || created >= Date.parse(query.created_from)) &&
    (query.created_before === undefined || created < Date.parse(query.created_before))
  );
}

function listedProgressOf(entry: FakeSessionEntry): ListedProgress {
  const { steps } = captureProgress(entry.attempts.map((attempt) => attempt.photo));
  const times = entry.attempts.map((attempt) => attempt.photo.updated_at).sort();
  return {
    steps_done: steps.filter((step) => isStepDone(step.photoCode, step.state)).length,
    steps_total: steps.length,
    last_activity_at: times.at(-1) ?? null,
  };
}

function list({ url, store }: FakeRouteContext): SessionList {
  const query = ListSessionsQuery.parse(Object.fromEntries(url.searchParams));
  // newest first; of two created at once, the one created later first
  const sessions = [...store.entries()]
    .reverse()
    .sort((a, b) => b.session.created_at.localeCompare(a.session.created_at))
    .filter((entry) => matches(entry.session, query))
    .map((entry) => ({ ...entry.session, progress: listedProgressOf(entry) }));
  const offset = Number(query.cursor ?? '0');
  const end = offset + query.limit;
  return { sessions: sessions.slice(offset, end), next_cursor: end < sessions.length ? String(end) : null };
}

function createSession(store: FakeStore, request: CreateSessionRequest, sessionKey: SessionKey): Session {
  const at = store.now();
  const session = toSessionObject({
    sessionKey,
    status: 'IDLE',
    settings: settingsOfCreate(request),
    learned: { vin: null, odom_reading: null },
    captureUrl: fakeCaptureUrl(sessionKey),
    createdAt: at,
    updatedAt: at,
    expiresAt: new Date(at.getTime() + expiryWindowMs),
    inspectStartedAt: null,
    inspectEndedAt: null,
    invalidReason: null,
  });
  store.add(session);
  return session;
}

/** The signed `/v1/sessions` routes, answered from the fake's state with the domain's rules. */
export function createSessionsRoutes(username: string, authorOf: (request: Request) => string) {
  let created = 0;
  const nextKey = () => buildSessionKey(username, `NEW${String((created += 1)).padStart(7, '0')}`);
  return {
    ...createSessionChangeRoutes(username, authorOf),
    ...eventsRoutes,
    'GET /v1/sessions': (context) => answer(200, list(context)),
    'POST /v1/sessions': async ({ request, store }) => {
      const body = await parseBody(CreateSessionRequest, request, 'session');
      return body.ok ? answer(200, createSession(store, body.value, nextKey())) : body.answer;
    },
    'GET /v1/sessions/:key': (context) => withSession(context, (entry) => answer(200, entry.session)),
    'DELETE /v1/sessions/:key': (context) =>
      withSession(context, (entry) => {
        const key = entry.session.session_key;
        if (!isDeletableStatus(entry.session.status)) return refuse('session_started', sessionStartedMessage(key));
        context.store.remove(entry);
        return answer(200, { message: sessionRemovedMessage(key) });
      }),
    'GET /v1/sessions/:key/photos': (context) =>
      withSession(context, (entry) =>
        answer(
          200,
          entry.attempts.map((attempt) => attempt.photo),
        ),
      ),
    'GET /v1/sessions/:key/progress': (context) =>
      withSession(context, (entry) => answer(200, toSessionProgress(entry.session, entry.attempts))),
  } satisfies Record<string, FakeHandler>;
}

/** A route of the signed sessions API. */
export type SessionsRoute = keyof ReturnType<typeof createSessionsRoutes>;

/** The routes that copy PAVE: their error bodies are `{message}` alone. */
export const paveRoutes: ReadonlySet<string> = new Set<SessionsRoute>([
  'POST /v1/sessions',
  'GET /v1/sessions/:key',
  'DELETE /v1/sessions/:key',
  'GET /v1/sessions/:key/photos',
  'PUT /v1/sessions/:key',
  'GET /v1/sessions/:key/results',
  'GET /v1/sessions/:key/notes',
]);
