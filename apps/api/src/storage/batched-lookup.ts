/** Loads the values of many keys at once; a key with no value is simply absent from the map. */
export type LoadMany<K, V> = (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>;

type Waiter<V> = { resolve: (value: V | undefined) => void; reject: (error: unknown) => void };

/**
 * Answers single-key lookups with one query per batch: every lookup made before the event loop next reaches its
 * check phase (`setImmediate`) joins one `load` of at most `maxBatch` distinct keys. Under load, the requests
 * parsed from one poll of the sockets share one round trip to the database; a lone request waits one turn of the
 * loop at most.
 *
 * Never stale: a batch is loaded only after every lookup in it was made, so a lookup sees at least every write
 * committed before it was made (a client that got its upload's answer and then asks for the photos sees the
 * upload). Lookups of one key in one batch share the value: callers must not change it. A failed load rejects
 * exactly the lookups of its batch.
 */
export function createBatchedLookup<K, V>(load: LoadMany<K, V>, maxBatch = 256): (key: K) => Promise<V | undefined> {
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error('invariant: maxBatch is a positive integer');
  let pending = new Map<K, Waiter<V>[]>();
  let scheduled = false;

  const run = (batch: Map<K, Waiter<V>[]>): void => {
    const settle = (answer: (waiter: Waiter<V>, key: K) => void) => {
      for (const [key, waiters] of batch) for (const waiter of waiters) answer(waiter, key);
    };
    let loading: Promise<ReadonlyMap<K, V>>;
    try {
      loading = load([...batch.keys()]);
    } catch (error) {
      loading = Promise.reject(error);
    }
    loading.then(
      (values) => settle((waiter, key) => waiter.resolve(values.get(key))),
      (error: unknown) => settle((waiter) => waiter.reject(error)),
    );
  };

  const flush = (): void => {
    scheduled = false;
    const batch = pending;
    pending = new Map();
    if (batch.size > 0) run(batch);
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      const waiters = pending.get(key);
      if (waiters) {
        waiters.push({ resolve, reject });
        return;
      }
      if (pending.size >= maxBatch) {
        // this batch is full: send it now, and start the next one with this key
        const full = pending;
        pending = new Map();
        run(full);
      }
      pending.set(key, [{ resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
