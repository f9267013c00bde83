import {
  PaveApiError,
  PaveNotFoundError,
  type CaptureClient,
  type PaveClient,
  type SessionsClient,
} from '@pave/client';
import {
  sessionNotFoundMessage,
  type PhotoCode,
  type ProgressAttempt,
  type QaReasonCode,
  type Session,
} from '@pave/domain';
import { createFakeBackend, type FakeBackend, type FakeSessionRecord } from './fake-backend.js';
import { createFakeCapture } from './fake-capture.js';
import { createFakeSessions } from './fake-sessions.js';

/** A session the fake API starts with. */
export type FakeSessionSeed = { session: Session; attempts?: ProgressAttempt[]; manualCodes?: PhotoCode[] };

/** Options of {@link createFakeClient}. */
export type FakeClientOptions = {
  sessions?: readonly FakeSessionSeed[];
  /** The QA verdict of an upload: null accepts, a reason code rejects. Default: accept. */
  judge?: (photoCode: PhotoCode, image: Blob) => QaReasonCode | null;
};

/** The name of a fake method, for {@link FakeClient.failNext} and {@link FakeClient.calls}. */
export type FakeMethod = `sessions.${keyof SessionsClient}` | `capture.${keyof CaptureClient}`;

/** A PaveClient over in-memory data, with a call log and one-shot failure injection. */
export type FakeClient = PaveClient & {
  backend: FakeBackend;
  /** Every call, as `method key` (e.g. `capture.start DEM-0123456789`). */
  calls: string[];
  /** Makes the next call of `method` reject with `error`. */
  failNext: (method: FakeMethod, error: Error) => void;
};

/** What the fake endpoint groups share. */
export type FakeContext = {
  backend: FakeBackend;
  /** Logs the call, applies an injected failure, and answers a fresh copy of what `run` returns. */
  call: <T>(method: FakeMethod, key: string, run: () => T) => Promise<T>;
  /** The session's record, or the API's 404. */
  recordOf: (key: string) => FakeSessionRecord;
  /** The session's record if it accepts attempts, or the API's 409. */
  accepting: (key: string) => FakeSessionRecord;
};

function toRecord(seed: FakeSessionSeed): FakeSessionRecord {
  const attempts = [...(seed.attempts ?? [])];
  const manualCodes = new Set(seed.manualCodes ?? []);
  const latestManual = attempts.filter((attempt, index) => {
    const isLatest = !attempts.slice(index + 1).some((later) => later.photo_code === attempt.photo_code);
    return isLatest && manualCodes.has(attempt.photo_code);
  });
  return { session: seed.session, attempts, manual: new Set(latestManual) };
}

function createContext(backend: FakeBackend, calls: string[], failures: Map<FakeMethod, Error[]>): FakeContext {
  const recordOf = (key: string) => {
    const record = backend.byKey.get(key);
    if (!record) throw new PaveNotFoundError(404, { message: sessionNotFoundMessage(key), code: 'not_found' });
    return record;
  };
  const accepting = (key: string) => {
    const record = recordOf(key);
    if (backend.captureState(record).accepting) return record;
    throw new PaveApiError(409, { message: `Session ${key} is closed.`, code: 'session_closed' });
  };
  const call = async <T>(method: FakeMethod, key: string, run: () => T): Promise<T> => {
    calls.push(`${method} ${key}`.trim());
    await Promise.resolve();
    const failure = failures.get(method)?.shift();
    if (failure) throw failure;
    // the real client parses every answer into fresh objects: so does the fake
    return JSON.parse(JSON.stringify(run())) as T;
  };
  return { backend, call, recordOf, accepting };
}

/** A fake client for component tests: sessions and capture behave like the API, from domain rules. */
export function createFakeClient(options: FakeClientOptions = {}): FakeClient {
  const backend = createFakeBackend((options.sessions ?? []).map(toRecord));
  const calls: string[] = [];
  const failures = new Map<FakeMethod, Error[]>();
  const context = createContext(backend, calls, failures);
  return {
    sessions: createFakeSessions(context),
    capture: createFakeCapture(context, options.judge ?? (() => null)),
    backend,
    calls,
    failNext: (method, error) => failures.set(method, [...(failures.get(method) ?? []), error]),
  };
}
