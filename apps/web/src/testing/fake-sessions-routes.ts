import {
  buildSessionKey,
  CreateSessionRequest,
  defaultSessionLanguage,
  defaultSessionTheme,
  formatWireTimestamp,
  isDeletableStatus,
  ListSessionsQuery,
  Session,
  sessionRemovedMessage,
  sessionStartedMessage,
  toSessionProgress,
  type SessionKey,
  type SessionList,
} from '@pave/domain';
import {
  answer,
  fakeCaptureUrl,
  refuse,
  withSession,
  type FakeHandler,
  type FakeRouteContext,
} from './fake-api-answers.js';
import type { FakeStore } from './fake-api-store.js';

// a new session expires after the default account's window, a week
const expiryWindowMs = 7 * 86_400_000;

function list({ url, store }: FakeRouteContext): SessionList {
  const query = ListSessionsQuery.parse(Object.fromEntries(url.searchParams));
  // newest first; of two created at once, the one created later first
  const sessions = store
    .entries()
    .map((entry) => entry.session)
    .reverse()
    .sort((a, b) => b.created_at.localeCompare(a.created_at))
    .filter((session) => query.status === undefined || session.status === query.status);
  const offset = Number(query.cursor ?? '0');
  const end = offset + query.limit;
  return { sessions: sessions.slice(offset, end), next_cursor: end < sessions.length ? String(end) : null };
}

function createSession(store: FakeStore, request: CreateSessionRequest, sessionKey: SessionKey): Session {
  const at = store.now();
  const session = Session.parse({
    session_key: sessionKey,
    status: 'IDLE',
    theme: request.theme ?? defaultSessionTheme,
    language: request.language ?? defaultSessionLanguage,
    redirect_url: request.redirect_url ?? null,
    client_id: request.client_id ?? null,
    vehicle: request.vehicle ?? null,
    capture_url: fakeCaptureUrl(sessionKey),
    created_at: formatWireTimestamp(at),
    updated_at: formatWireTimestamp(at),
    expires_at: formatWireTimestamp(new Date(at.getTime() + expiryWindowMs)),
  });
  store.add(session);
  return session;
}

async function requestBody(request: Request): Promise<unknown> {
  const text = await request.text();
  return text === '' ? {} : JSON.parse(text);
}

/** The signed `/v1/sessions` routes, answered from the fake's state with the domain's rules. */
export function createSessionsRoutes(username: string) {
  let created = 0;
  const nextKey = () => buildSessionKey(username, `NEW${String((created += 1)).padStart(7, '0')}`);
  return {
    'GET /v1/sessions': (context) => answer(200, list(context)),
    'POST /v1/sessions': async ({ request, store }) => {
      const body = CreateSessionRequest.parse(await requestBody(request));
      return answer(200, createSession(store, body, nextKey()));
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
]);
