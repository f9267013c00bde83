import {
  DeleteSessionResponse,
  Session,
  SessionList,
  SessionNote,
  SessionNotes,
  SessionPhotos,
  SessionProgress,
  SessionResults,
  type CreateSessionInput,
  type ListSessionsQuery,
  type UpdateSessionInput,
  type LiveEvent,
} from '@pave/domain';
import * as z from 'zod/mini';
import type { RequestOptions, Transport, TransportSettings } from './create-transport.js';
import { followEvents, type EventsOptions } from './follow-events.js';

/**
 * Query of `sessions.list`: status filter, page size (1–100, server default 20), cursor from `next_cursor`, search
 * text `q` (key, VIN, client id or reference) and creation bounds `created_from` / `created_before` (ISO instants).
 */
export type ListSessionsParams = Partial<ListSessionsQuery>;

/** A session's notes (`/v1/sessions/:key/notes`). */
export type NotesClient = {
  /** `GET /v1/sessions/:key/notes`: oldest first. */
  list: (key: string, options?: RequestOptions) => Promise<SessionNotes>;
  /**
   * `POST /v1/sessions/:key/notes` (ours): adds a note (1–2000 characters); its `author` is the signed-in person's
   * email, or the account's username for a signed request.
   */
  add: (key: string, note: string, options?: RequestOptions) => Promise<SessionNote>;
};

/** The signed session endpoints (`/v1/sessions/…`). */
export type SessionsClient = {
  /** `POST /v1/sessions`: creates a session (`IDLE`) from PAVE's nested body (`session`, `vehicle`, `sms`). */
  create: (input?: CreateSessionInput, options?: RequestOptions) => Promise<Session>;
  /**
   * `PUT /v1/sessions/:key`: changes what the rules allow in the session's status; a refused change rejects with a
   * `PaveApiError` (400) naming the field, and nothing of it was applied.
   */
  update: (key: string, input: UpdateSessionInput, options?: RequestOptions) => Promise<Session>;
  /** `GET /v1/sessions/:key/results`: the results document; a `PaveApiError` (400) before `COMPLETE`. */
  results: (key: string, options?: RequestOptions) => Promise<SessionResults>;
  /** `POST /v1/sessions/:key/invalidate` (ours): makes the session `INVALID` with a reason; its capture stops. */
  invalidate: (key: string, reason: string, options?: RequestOptions) => Promise<Session>;
  /** The session's notes. */
  notes: NotesClient;
  /** `GET /v1/sessions`: newest first, one page. */
  list: (query?: ListSessionsParams, options?: RequestOptions) => Promise<SessionList>;
  /** `GET /v1/sessions/:key`. */
  get: (key: string, options?: RequestOptions) => Promise<Session>;
  /** `GET /v1/sessions/:key/photos`: every attempt, in capture order (PAVE's endpoint, byte for byte). */
  photos: (key: string, options?: RequestOptions) => Promise<SessionPhotos>;
  /** `GET /v1/sessions/:key/progress`: the capture's steps and attempts. */
  progress: (key: string, options?: RequestOptions) => Promise<SessionProgress>;
  /**
   * `GET /v1/sessions/:key/photos.zip` (ours): every stored photo of the session as one ZIP file, as a stream of
   * its bytes (pipe it to a file, or `new Response(stream).blob()` in a browser). Rejects like the other reads
   * before the first byte; a download cut short afterwards errors the stream.
   */
  photosZip: (key: string, options?: RequestOptions) => Promise<ReadableStream<Uint8Array>>;
  /** `DELETE /v1/sessions/:key`: removes an `IDLE` session. */
  delete: (key: string, options?: RequestOptions) => Promise<DeleteSessionResponse>;
  /**
   * `GET /v1/sessions/:key/events`: the session's events as they are recorded (from the first, or after
   * `lastEventId`), reconnecting and resuming by itself; ends when the session is terminal. See `followEvents`.
   */
  events: (key: string, options?: EventsOptions) => AsyncGenerator<LiveEvent, void, undefined>;
  /** `GET /v1/events`: the events of every session of the account, as they are recorded; never ends by itself. */
  allEvents: (options?: EventsOptions) => AsyncGenerator<LiveEvent, void, undefined>;
};

/** What `photosZip` resolves with: the answer's body as it arrives (read by `zipBody`, not parsed). */
const zipStream = z.custom<ReadableStream<Uint8Array>>((value) => value instanceof ReadableStream);

async function zipBody(response: Response): Promise<ReadableStream<Uint8Array>> {
  // a 2xx GET always has a body; an empty one is an empty stream rather than null
  return response.body ?? new Blob([]).stream();
}

function sessionPath(key: string, rest = ''): string {
  return `/v1/sessions/${encodeURIComponent(key)}${rest}`;
}

/** The session endpoints over a transport (signed, or a cookie session). */
export function buildSessionsClient(send: Transport, settings: TransportSettings): SessionsClient {
  return {
    create: (input = {}, options) =>
      send({ method: 'POST', path: '/v1/sessions', json: input, schema: Session }, options),
    list: (query = {}, options) => {
      const { status, limit, cursor, q, created_from, created_before } = query;
      const call = {
        method: 'GET',
        path: '/v1/sessions',
        query: { status, limit, cursor, q, created_from, created_before },
        schema: SessionList,
      } as const;
      return send(call, options);
    },
    get: (key, options) => send({ method: 'GET', path: sessionPath(key), schema: Session, conditional: true }, options),
    photos: (key, options) =>
      send({ method: 'GET', path: sessionPath(key, '/photos'), schema: SessionPhotos, conditional: true }, options),
    progress: (key, options) =>
      send({ method: 'GET', path: sessionPath(key, '/progress'), schema: SessionProgress, conditional: true }, options),
    photosZip: (key, options) =>
      send({ method: 'GET', path: sessionPath(key, '/photos.zip'), schema: zipStream, read: zipBody }, options),
    delete: (key, options) =>
      send({ method: 'DELETE', path: sessionPath(key), schema: DeleteSessionResponse }, options),
    update: (key, input, options) =>
      send({ method: 'PUT', path: sessionPath(key), json: input, schema: Session }, options),
    results: (key, options) =>
      send({ method: 'GET', path: sessionPath(key, '/results'), schema: SessionResults }, options),
    invalidate: (key, reason, options) =>
      send({ method: 'POST', path: sessionPath(key, '/invalidate'), json: { reason }, schema: Session }, options),
    notes: {
      list: (key, options) => send({ method: 'GET', path: sessionPath(key, '/notes'), schema: SessionNotes }, options),
      add: (key, note, options) =>
        send({ method: 'POST', path: sessionPath(key, '/notes'), json: { note }, schema: SessionNote }, options),
    },
    events: (key, options) => followEvents(settings, sessionPath(key, '/events'), options),
    allEvents: (options) => followEvents(settings, '/v1/events', options),
  };
}
