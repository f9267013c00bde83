/** Gives back a slot taken from a {@link Semaphore}; calling it twice is a no-op. */
export type Release = () => void;

/** At most `limit` holders at once; the others wait in arrival order (or are turned away by `tryAcquire`). */
export type Semaphore = {
  /** Waits for a slot. */
  acquire(): Promise<Release>;
  /** Takes a slot if one is free now; null otherwise (nobody waits). */
  tryAcquire(): Release | null;
  /** Runs `work` holding a slot, and gives it back however `work` ends. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Slots held now. */
  readonly active: number;
  /** Callers waiting for a slot now. */
  readonly waiting: number;
};

/** A counting semaphore with `limit` slots (an integer ≥ 1). */
export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a semaphore needs at least 1 slot, got ${limit}`);
  let active = 0;
  const queue: ((release: Release) => void)[] = [];

  const makeRelease = (): Release => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next) next(makeRelease());
      else active -= 1;
    };
  };

  const tryAcquire = (): Release | null => {
    if (active >= limit) return null;
    active += 1;
    return makeRelease();
  };

  const acquire = (): Promise<Release> =>
    Promise.resolve(tryAcquire() ?? new Promise<Release>((resolve) => queue.push(resolve)));

  return {
    acquire,
    tryAcquire,
    async run(work) {
      const release = await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
