import {
  authErrorMessage,
  authHeaderNames,
  checkAuthHeaders,
  type ApiErrorCode,
  type AttemptRecord,
  type Delivery,
  type Session,
  type SignedIn,
} from '@pave/domain';
import { refuse, type FakeAnswer, type FakeHandler, type FakeJudge } from './fake-api-answers.js';
import { createFakeStore, type FakeSessionSeed } from './fake-api-store.js';
import { createCallbacksRoutes, createFakeCallbacksState, type CallbacksRoute } from './fake-callbacks-routes.js';
import { captureRoutes, type CaptureRoute } from './fake-capture-routes.js';
import { createFakePeople, defaultFakePerson, type FakePerson, type PeopleRoute } from './fake-people.js';
import { createSessionsRoutes, paveRoutes, type SessionsRoute } from './fake-sessions-routes.js';

/** A route of the fake API, as `METHOD /path/:param` (what {@link FakeApi.failNext} and `sentJson` take). */
export type FakeRoute = SessionsRoute | CaptureRoute | CallbacksRoute | PeopleRoute;

/**
 * What to do instead of answering one call: refuse as the API would (`code` gives the status, the route the body's
 * style), fail without an answer (fetch rejects, as when the network is down), or answer only after `delayMs`.
 */
export type FakeFailure =
  | { readonly code: ApiErrorCode; readonly message: string; readonly retryAfterSeconds?: number }
  | { readonly network: true }
  | { readonly delayMs: number };

/** Options of {@link createFakeApi}. */
export type FakeApiOptions = {
  readonly sessions?: readonly FakeSessionSeed[];
  /** The QA verdict of each upload; default: accept. */
  readonly judge?: FakeJudge;
  /** The account's username (its sessions' key prefix); default `demo`. */
  readonly username?: string;
  /** The account's webhook delivery log, newest first; default none. */
  readonly deliveries?: readonly Delivery[];
  /** Who is signed in at the start (the browser holds their cookie); default an admin; null: nobody. */
  readonly signedIn?: FakePerson | null;
  /** Who may sign in (password `fakePassword`); default the one signed in, or the default admin. */
  readonly people?: readonly FakePerson[];
};

/** A `fetch` that answers like the API, from in-memory sessions, with a call log and injected failures. */
export type FakeApi = {
  readonly fetch: typeof fetch;
  /** Every request received, as `METHOD /path?query`, oldest first (a client's retries included). */
  readonly calls: readonly string[];
  /** The JSON bodies sent to `route`, oldest first. */
  sentJson(route: FakeRoute): unknown[];
  /** Makes the next `times` calls to `route` fail with `failure` (one after the other). */
  failNext(route: FakeRoute, failure: FakeFailure, times?: number): void;
  /** The session as the API holds it now; null when there is none. */
  session(key: string): Session | null;
  /** Records an attempt on a session as a capture would (its status moves as the API's does). */
  addAttempt(key: string, attempt: AttemptRecord): void;
  /** Ends the browser's session, as a sign-out in another tab or an expiry would: the next call answers 401. */
  endSession(): void;
  /** What `GET /v1/auth/me` answers now; null when nobody is signed in. */
  signedIn(): SignedIn | null;
};

type Route = {
  readonly name: FakeRoute;
  readonly method: string;
  readonly path: RegExp;
  readonly handler: FakeHandler;
};

function toRoutes(handlers: Readonly<Record<FakeRoute, FakeHandler>>): Route[] {
  return Object.entries(handlers).map(([name, handler]) => {
    const [method = '', template = ''] = name.split(' ');
    const path = new RegExp(`^${template.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`);
    return { name: name as FakeRoute, method, path, handler };
  });
}

function toResponse({ status, body, headers, stream }: FakeAnswer): Response {
  if (stream) return new Response(stream, { status, headers: { 'content-type': 'text/event-stream', ...headers } });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/**
 * The API's refusal of a request to the account's routes: a signed one (an `API-Key` header) lacking its auth headers
 * (signatures themselves are not checked), or a cookie one the people's checks refuse.
 */
function checkAuth(request: Request, path: string, people: ReturnType<typeof createFakePeople>): FakeAnswer | null {
  const header = (name: string) => request.headers.get(name) ?? undefined;
  if (header(authHeaderNames.apiKey) === undefined) return people.check(request, path);
  const headers = {
    apiKey: header(authHeaderNames.apiKey),
    token: header(authHeaderNames.token),
    timestamp: header(authHeaderNames.timestamp),
  };
  const checked = checkAuthHeaders(headers, new Date());
  return checked.ok ? null : refuse('unauthorized', authErrorMessage(checked.error));
}

/** How fetch rejects when no answer comes (undici's message; @pave/client takes it for a network error). */
class NetworkDown extends TypeError {
  constructor() {
    super('fetch failed');
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/** The answer of the failure queued for a call, if any: waits out a delay, throws as fetch does offline. */
async function injectedAnswer(queue: FakeFailure[] | undefined, signal: AbortSignal): Promise<FakeAnswer | null> {
  const failure = queue?.shift();
  if (!failure) return null;
  if ('network' in failure) throw new NetworkDown();
  if ('delayMs' in failure) return delay(failure.delayMs, signal).then(() => null);
  const refused = refuse(failure.code, failure.message);
  const retryAfter = failure.retryAfterSeconds;
  return retryAfter === undefined ? refused : { ...refused, headers: { 'Retry-After': String(retryAfter) } };
}

/** A route's answer in its style: the routes that copy PAVE answer an error with `{message}` alone. */
function styled(route: FakeRoute, answer: FakeAnswer): FakeAnswer {
  const { status, body, headers } = answer;
  if (status < 400 || !paveRoutes.has(route)) return answer;
  const { message } = body as { message: string };
  return { status, body: { message }, ...(headers ? { headers } : {}) };
}

/** A fake of the API for web tests: the real @pave/client sends to its `fetch` (see render-app.tsx). */
export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const username = options.username ?? 'demo';
  const store = createFakeStore(options.sessions ?? [], username);
  const signedIn = options.signedIn === undefined ? defaultFakePerson : options.signedIn;
  const people = createFakePeople({ people: options.people ?? [signedIn ?? defaultFakePerson], signedIn, username });
  // as the API names a note's author: the account for a signed request, else the signed-in person
  const authorOf = (request: Request) =>
    request.headers.has(authHeaderNames.apiKey) ? username : (people.signedIn()?.user.email ?? username);
  const sessionsRoutes = createSessionsRoutes(username, authorOf);
  const callbacksRoutes = createCallbacksRoutes(createFakeCallbacksState(options.deliveries));
  const signedRoutes: ReadonlySet<FakeRoute> = new Set([
    ...(Object.keys(sessionsRoutes) as SessionsRoute[]),
    ...(Object.keys(callbacksRoutes) as CallbacksRoute[]),
  ]);
  const routes = toRoutes({ ...sessionsRoutes, ...callbacksRoutes, ...captureRoutes, ...people.routes });
  const judge = options.judge ?? (() => null);
  const calls: string[] = [];
  const sent: { route: FakeRoute; json: unknown }[] = [];
  const failures = new Map<FakeRoute, FakeFailure[]>();

  const answerTo = async (request: Request, url: URL): Promise<FakeAnswer> => {
    const route = routes.find((candidate) => candidate.method === request.method && candidate.path.test(url.pathname));
    if (!route) throw new Error(`the fake API has no route for ${request.method} ${url.pathname}`);
    if (request.headers.get('content-type')?.startsWith('application/json')) {
      sent.push({ route: route.name, json: await request.clone().json() });
    }
    const answer =
      (await injectedAnswer(failures.get(route.name), request.signal)) ??
      (signedRoutes.has(route.name) ? checkAuth(request, url.pathname, people) : null) ??
      (await route.handler({ request, url, params: route.path.exec(url.pathname)?.groups ?? {}, store, judge }));
    return styled(route.name, answer);
  };

  return {
    fetch: async (input, init) => {
      const request = new Request(input, init);
      request.signal.throwIfAborted();
      const url = new URL(request.url);
      calls.push(`${request.method} ${url.pathname}${url.search}`);
      try {
        return toResponse(await answerTo(request, url));
      } catch (error) {
        if (error instanceof NetworkDown) throw error;
        if (request.signal.aborted) throw request.signal.reason;
        // a request the API would refuse but the app never sends, or a bug in this fake: answered as the API does
        console.error('fake API:', error);
        return toResponse({ status: 500, body: { message: 'Internal server error.', code: 'internal' } });
      }
    },
    calls,
    sentJson: (route) => sent.filter((entry) => entry.route === route).map((entry) => entry.json),
    failNext: (route, failure, times = 1) => {
      failures.set(route, [...(failures.get(route) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    session: (key) => store.find(key)?.session ?? null,
    addAttempt: (key, attempt) => {
      const entry = store.find(key);
      if (!entry) throw new Error(`no session ${key} in the fake API`);
      store.append(entry, attempt);
    },
    endSession: people.endSession,
    signedIn: people.signedIn,
  };
}
