/** Whose work a task is: the account and the session it belongs to. */
export type WorkOwner = { readonly account: string; readonly session: string };

/**
 * At most `limit` tasks at once; the waiting ones are taken fairly instead of in one arrival order: accounts in turn,
 * within an account its sessions in turn, within a session in arrival order. One account flooding the server with
 * uploads then delays another account's upload by at most one task per account ahead of it, not by its whole queue.
 */
export type FairScheduler = {
  /** Runs `work` holding a slot, once it is `owner`'s turn, and gives the slot back however `work` ends. */
  run<T>(owner: WorkOwner, work: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting now. */
  readonly waiting: number;
};

type Start = () => void;

/** Takes the first entry of an insertion-ordered map and moves it to the end (the next turn goes to the next one). */
function rotate<V>(map: Map<string, V>): [string, V] | undefined {
  const first = map.entries().next();
  if (first.done) return undefined;
  const [key, value] = first.value;
  map.delete(key);
  map.set(key, value);
  return first.value;
}

/** A fair scheduler with `limit` slots (an integer ≥ 1). */
export function createFairScheduler(limit: number): FairScheduler {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a scheduler needs at least 1 slot, got ${limit}`);
  let active = 0;
  let waiting = 0;
  const accounts = new Map<string, Map<string, Start[]>>();

  const takeNext = (): Start | undefined => {
    const [account, sessions] = rotate(accounts) ?? [];
    if (account === undefined || !sessions) return undefined;
    const [session, queue] = rotate(sessions) ?? [];
    const start = queue?.shift();
    if (session !== undefined && queue?.length === 0) sessions.delete(session);
    if (sessions.size === 0) accounts.delete(account);
    return start;
  };

  const enqueue = (owner: WorkOwner, start: Start): void => {
    const sessions = accounts.get(owner.account) ?? new Map<string, Start[]>();
    accounts.set(owner.account, sessions);
    const queue = sessions.get(owner.session) ?? [];
    sessions.set(owner.session, queue);
    queue.push(start);
  };

  const release = (): void => {
    const next = takeNext();
    if (!next) {
      active -= 1;
      return;
    }
    waiting -= 1;
    next();
  };

  const acquire = (owner: WorkOwner): Promise<void> => {
    if (active < limit) {
      active += 1;
      return Promise.resolve();
    }
    waiting += 1;
    return new Promise((resolve) => enqueue(owner, resolve));
  };

  return {
    async run(owner, work) {
      await acquire(owner);
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
      return waiting;
    },
  };
}
