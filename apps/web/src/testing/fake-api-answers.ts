import {
  apiErrorStatus,
  sessionNotFoundMessage,
  type ApiErrorCode,
  type PhotoCode,
  type QaReasonCode,
} from '@pave/domain';
import type { FakeSessionEntry, FakeStore } from './fake-api-store.js';

/** The origin the fake API answers on: jsdom's page origin, which the app takes as the API's. */
export const fakeApiBaseUrl = 'http://localhost';

/** The capture token of a fake session's link: fixed per key (43 base64url characters, as the API's). */
export function fakeCaptureToken(sessionKey: string): string {
  return `fake${sessionKey.replace(/[^A-Za-z0-9]/g, '')}`.padEnd(43, 'x').slice(0, 43);
}

/** A fake session's capture link, `<base>/capture/<key>#<token>`. */
export function fakeCaptureUrl(sessionKey: string): string {
  return `${fakeApiBaseUrl}/capture/${encodeURIComponent(sessionKey)}#${fakeCaptureToken(sessionKey)}`;
}

/** The QA verdict the fake API gives an upload: null accepts, a reason code rejects. */
export type FakeJudge = (photoCode: PhotoCode, image: File) => QaReasonCode | null;

/** What a route answers: a status and a JSON body (or an event stream), and headers such as `Retry-After`. */
export type FakeAnswer = {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A `text/event-stream` body, sent instead of `body`. */
  readonly stream?: ReadableStream<Uint8Array>;
};

/** What a route handler is given: the request, its path parameters, the fake's state and its QA judge. */
export type FakeRouteContext = {
  readonly request: Request;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly store: FakeStore;
  readonly judge: FakeJudge;
};

/** One route of the fake API. */
export type FakeHandler = (context: FakeRouteContext) => FakeAnswer | Promise<FakeAnswer>;

/** A success. */
export function answer(status: number, body: unknown): FakeAnswer {
  return { status, body };
}

/** The API's refusal: the domain's status for `code`, `{message, code}` (the routes that copy PAVE drop `code`). */
export function refuse(code: ApiErrorCode, message: string): FakeAnswer {
  return { status: apiErrorStatus[code], body: { message, code } };
}

/** Runs `found` on the session of the path's `:key`, or answers the API's 404. */
export async function withSession(
  { params, store }: FakeRouteContext,
  found: (entry: FakeSessionEntry) => FakeAnswer | Promise<FakeAnswer>,
): Promise<FakeAnswer> {
  const key = params['key'] ?? '';
  const entry = store.find(key);
  return entry ? found(entry) : refuse('not_found', sessionNotFoundMessage(key));
}

/** A request body parsed with its domain schema, or the API's 400 naming the first problem's path. */
export async function parseBody<T>(
  schema: {
    safeParse: (
      value: unknown,
    ) =>
      | { success: true; data: T }
      | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
  },
  request: Request,
  what: string,
): Promise<{ ok: true; value: T } | { ok: false; answer: FakeAnswer }> {
  const text = await request.text();
  const parsed = schema.safeParse(text === '' ? {} : JSON.parse(text));
  if (parsed.success) return { ok: true, value: parsed.data };
  const [issue] = parsed.error.issues;
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return { ok: false, answer: refuse('invalid_request', `Invalid ${what}: ${where}${issue?.message ?? 'invalid'}`) };
}
