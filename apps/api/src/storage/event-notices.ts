// How an instance learns that a session's events were recorded, by this instance or (on PostgreSQL) by any other.
// A notice only says "read the events table again": streams read the events themselves, in `seq` order, so a
// notice that is lost, late, duplicated or spurious never loses or repeats an event; it only delays one until the
// next notice or reset.

/** A session's events up to `seq` are recorded. */
export type EventNotice = { readonly accountId: number; readonly sessionKey: string; readonly seq: number };

/** What a subscriber of {@link EventNotices} is told. */
export type NoticeListener = {
  readonly notice: (notice: EventNotice) => void;
  /** Notices may have been missed (the PostgreSQL listener reconnected): read everything again. */
  readonly reset: () => void;
};

/** Notices of recorded events. */
export type EventNotices = {
  /** Tells `listener` of every notice until the returned function is called. */
  subscribe(listener: NoticeListener): () => void;
  /**
   * Resolves once notices are heard (PostgreSQL: the LISTEN is in place), so that a reader who subscribes, waits
   * for this and then reads the table misses nothing; rejects when the listening connection cannot be opened.
   */
  ready(): Promise<void>;
  /** Stops listening (PostgreSQL: closes the dedicated connection). */
  close(): Promise<void>;
};

/** The notice a trigger sends as text: `{"a": account id, "k": session key, "s": seq}`; null when unreadable. */
export function parseNotice(text: string): EventNotice | null {
  try {
    const value = JSON.parse(text) as { a?: unknown; k?: unknown; s?: unknown };
    const accountId = Number(value.a);
    const seq = Number(value.s);
    if (!Number.isSafeInteger(accountId) || !Number.isSafeInteger(seq) || typeof value.k !== 'string') return null;
    return { accountId, sessionKey: value.k, seq };
  } catch {
    return null;
  }
}

/** Listeners, told one after another; one that throws does not stop the others. */
export function createNoticeFanOut() {
  const listeners = new Set<NoticeListener>();
  const each = (call: (listener: NoticeListener) => void) => {
    for (const listener of [...listeners]) {
      try {
        call(listener);
      } catch {
        // a listener's own failure is its own; the notice still reaches the rest
      }
    }
  };
  return {
    subscribe(listener: NoticeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notice: (notice: EventNotice) => each((listener) => listener.notice(notice)),
    reset: () => each((listener) => listener.reset()),
    get size() {
      return listeners.size;
    },
  };
}

/** What an in-process source of recorded events offers (the event store's `onRecorded`). */
export type RecordedEvents = (listener: (events: readonly EventNotice[]) => void) => () => void;

/**
 * In-process notices: the event store tells its listeners after each commit of this instance that recorded events
 * (SQLite is one process; on PostgreSQL this is the quick path for streams held by the instance that made the change).
 */
export function createLocalNotices(onRecorded: RecordedEvents): EventNotices {
  const fanOut = createNoticeFanOut();
  let stop: (() => void) | null = null;
  return {
    subscribe(listener) {
      stop ??= onRecorded((events) => {
        for (const { accountId, sessionKey, seq } of events) fanOut.notice({ accountId, sessionKey, seq });
      });
      return fanOut.subscribe(listener);
    },
    ready: () => Promise.resolve(),
    close() {
      stop?.();
      stop = null;
      return Promise.resolve();
    },
  };
}

/** Both sources as one: a listener hears each (a notice may come twice, which costs one read that finds nothing). */
export function joinNotices(first: EventNotices, second: EventNotices): EventNotices {
  return {
    subscribe(listener) {
      const stops = [first.subscribe(listener), second.subscribe(listener)];
      return () => stops.forEach((stop) => stop());
    },
    ready: () => Promise.all([first.ready(), second.ready()]).then(() => undefined),
    close: () => Promise.all([first.close(), second.close()]).then(() => undefined),
  };
}
