import {
  capturedStatus,
  formatWireTimestamp,
  inspectionMarksOf,
  toCaptureState,
  type AttemptRecord,
  type Session,
  type SessionNote,
  type SessionStatus,
} from '@pave/domain';

/** A session the fake API starts with: the session and its attempts in the order they were made. */
export type FakeSessionSeed = { readonly session: Session; readonly attempts?: readonly AttemptRecord[] };

/** One session held by the fake API, with its notes. */
export type FakeSessionEntry = { session: Session; attempts: AttemptRecord[]; notes: SessionNote[] };

// the fake's clock: each reading is one second after the previous one, from a fixed start
const clockStart = Date.parse('2021-05-27T07:40:00Z');

/** The fake API's sessions and clock; every change of status goes through the domain's rules. */
export function createFakeStore(seeds: readonly FakeSessionSeed[]) {
  const entries: FakeSessionEntry[] = seeds.map((seed) => ({
    session: seed.session,
    attempts: [...(seed.attempts ?? [])],
    notes: [],
  }));
  let tick = 0;
  const now = () => new Date(clockStart + 1000 * tick++);
  const setStatus = (entry: FakeSessionEntry, status: SessionStatus) => {
    if (status === entry.session.status) return;
    const at = formatWireTimestamp(now());
    const marks = inspectionMarksOf(status);
    entry.session = {
      ...entry.session,
      status,
      updated_at: at,
      inspect_started_at: entry.session.inspect_started_at ?? (marks.started ? at : null),
      inspect_ended_at: entry.session.inspect_ended_at ?? (marks.ended ? at : null),
    };
  };
  return {
    now,
    setStatus,
    entries: (): readonly FakeSessionEntry[] => entries,
    find: (key: string): FakeSessionEntry | null => entries.find((entry) => entry.session.session_key === key) ?? null,
    add: (session: Session) => entries.push({ session, attempts: [], notes: [] }),
    remove: (entry: FakeSessionEntry) => entries.splice(entries.indexOf(entry), 1),
    /** Appends an attempt, then moves the status where the attempts call for (as the API settles a session). */
    append: (entry: FakeSessionEntry, attempt: AttemptRecord) => {
      entry.attempts.push(attempt);
      const { complete } = toCaptureState({ ...entry.session, integrator: null }, entry.attempts);
      setStatus(entry, capturedStatus(entry.session.status, { attempted: true, complete }));
    },
  };
}

/** The fake API's state. */
export type FakeStore = ReturnType<typeof createFakeStore>;
