import {
  capturedStatus,
  formatWireTimestamp,
  inspectionMarksOf,
  stageChangePayload,
  statusChangePayload,
  toCaptureState,
  toEventBody,
  toResultsBody,
  WebhookEventBody,
  type AttemptRecord,
  type Session,
  type SessionEventPayload,
  type SessionNote,
  type SessionStatus,
} from '@pave/domain';

/** A session the fake API starts with: the session and its attempts in the order they were made. */
export type FakeSessionSeed = { readonly session: Session; readonly attempts?: readonly AttemptRecord[] };

/** One session held by the fake API, with its notes and how many events it has recorded (its last `seq`). */
export type FakeSessionEntry = { session: Session; attempts: AttemptRecord[]; notes: SessionNote[]; seq: number };

/** An event as the fake recorded it: its session, its number in the session (`seq`) and in the account. */
export type FakeRecordedEvent = {
  readonly sessionKey: string;
  readonly seq: number;
  /** 1, 2, 3… over every session of the account: the `id:` of `GET /v1/events`. */
  readonly position: number;
  readonly body: WebhookEventBody;
};

// the fake's clock: each reading is one second after the previous one, from a fixed start
const clockStart = Date.parse('2021-05-27T07:40:00Z');

/**
 * The fake API's sessions, events and clock; every change of status goes through the domain's rules, and records
 * the events the API records for it (an attempt's stage change, a status change, the results once `COMPLETE`, a
 * note), which the fake's event streams deliver. `username` names the account in results documents.
 */
export function createFakeStore(seeds: readonly FakeSessionSeed[], username = 'demo') {
  const entries: FakeSessionEntry[] = seeds.map((seed) => ({
    session: seed.session,
    attempts: [...(seed.attempts ?? [])],
    notes: [],
    seq: 0,
  }));
  const events: FakeRecordedEvent[] = [];
  const listeners = new Set<() => void>();
  let tick = 0;
  const now = () => new Date(clockStart + 1000 * tick++);
  const record = (entry: FakeSessionEntry, recorded: SessionEventPayload) => {
    entry.seq += 1;
    const body = WebhookEventBody.parse(toEventBody({ ...recorded, seq: entry.seq }));
    events.push({ sessionKey: entry.session.session_key, seq: entry.seq, position: events.length + 1, body });
    for (const listener of [...listeners]) listener();
  };
  const recordStatusChange = (entry: FakeSessionEntry, previous: SessionStatus) => {
    const { session_key: key, status } = entry.session;
    record(entry, { event: 'SESSION:STATUS_CHANGE', payload: statusChangePayload(key, previous, status) });
    if (status !== 'COMPLETE') return;
    const photos = entry.attempts.map((attempt) => attempt.photo);
    record(entry, { event: 'SESSION:COMPLETE', payload: toResultsBody(entry.session, photos, username) });
  };
  const setStatus = (entry: FakeSessionEntry, status: SessionStatus) => {
    const previous = entry.session.status;
    if (status === previous) return;
    const at = formatWireTimestamp(now());
    const marks = inspectionMarksOf(status);
    entry.session = {
      ...entry.session,
      status,
      updated_at: at,
      inspect_started_at: entry.session.inspect_started_at ?? (marks.started ? at : null),
      inspect_ended_at: entry.session.inspect_ended_at ?? (marks.ended ? at : null),
    };
    recordStatusChange(entry, previous);
  };
  return {
    now,
    setStatus,
    entries: (): readonly FakeSessionEntry[] => entries,
    find: (key: string): FakeSessionEntry | null => entries.find((entry) => entry.session.session_key === key) ?? null,
    add: (session: Session) => entries.push({ session, attempts: [], notes: [], seq: 0 }),
    remove: (entry: FakeSessionEntry) => entries.splice(entries.indexOf(entry), 1),
    /** Appends an attempt, then moves the status where the attempts call for (as the API settles a session). */
    append: (entry: FakeSessionEntry, attempt: AttemptRecord) => {
      entry.attempts.push(attempt);
      const stage = stageChangePayload(entry.session.session_key, attempt.photo);
      record(entry, { event: 'SESSION:STAGE_CHANGE', payload: stage });
      const { complete } = toCaptureState({ ...entry.session, integrator: null }, entry.attempts);
      setStatus(entry, capturedStatus(entry.session.status, { attempted: true, complete }));
    },
    /** Replaces the session object after a change made outside {@link setStatus} (an update, an invalidation). */
    replace: (entry: FakeSessionEntry, session: Session) => {
      const previous = entry.session.status;
      entry.session = session;
      if (session.status !== previous) recordStatusChange(entry, previous);
    },
    /** Adds a note in `author`'s name, records its `SESSION:NOTE_INSERT` and returns it. */
    addNote: (entry: FakeSessionEntry, text: string, author: string): SessionNote => {
      const note = { id: entry.notes.length + 1, note: text, author, created_at: formatWireTimestamp(now()) };
      entry.notes.push(note);
      record(entry, { event: 'SESSION:NOTE_INSERT', payload: { session_key: entry.session.session_key, note } });
      return note;
    },
    /** Every event recorded so far, oldest first. */
    events: (): readonly FakeRecordedEvent[] => events,
    /** Calls `listener` after each event is recorded, until the returned function is called. */
    onEvent: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The fake API's state. */
export type FakeStore = ReturnType<typeof createFakeStore>;
