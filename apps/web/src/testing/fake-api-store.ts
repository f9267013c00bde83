import {
  capturedStatus,
  formatWireTimestamp,
  toCaptureState,
  type AttemptRecord,
  type Session,
  type SessionStatus,
} from '@pave/domain';

/** A session the fake API starts with: the session and its attempts in the order they were made. */
export type FakeSessionSeed = { readonly session: Session; readonly attempts?: readonly AttemptRecord[] };

/** One session held by the fake API. */
export type FakeSessionEntry = { session: Session; attempts: AttemptRecord[] };

// the fake's clock: each reading is one second after the previous one, from a fixed start
const clockStart = Date.parse('2021-05-27T07:40:00Z');

/** The fake API's sessions and clock; every change of status goes through the domain's rules. */
export function createFakeStore(seeds: readonly FakeSessionSeed[]) {
  const entries: FakeSessionEntry[] = seeds.map((seed) => ({
    session: seed.session,
    attempts: [...(seed.attempts ?? [])],
  }));
  let tick = 0;
  const now = () => new Date(clockStart + 1000 * tick++);
  const setStatus = (entry: FakeSessionEntry, status: SessionStatus) => {
    if (status === entry.session.status) return;
    entry.session = { ...entry.session, status, updated_at: formatWireTimestamp(now()) };
  };
  return {
    now,
    setStatus,
    entries: (): readonly FakeSessionEntry[] => entries,
    find: (key: string): FakeSessionEntry | null => entries.find((entry) => entry.session.session_key === key) ?? null,
    add: (session: Session) => entries.push({ session, attempts: [] }),
    remove: (entry: FakeSessionEntry) => entries.splice(entries.indexOf(entry), 1),
    /** Appends an attempt, then moves the status where the attempts call for (as the API settles a session). */
    append: (entry: FakeSessionEntry, attempt: AttemptRecord) => {
      entry.attempts.push(attempt);
      const { complete } = toCaptureState(entry.session, entry.attempts);
      setStatus(entry, capturedStatus(entry.session.status, { attempted: true, complete }));
    },
  };
}

/** The fake API's state. */
export type FakeStore = ReturnType<typeof createFakeStore>;
