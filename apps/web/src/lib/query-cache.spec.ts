import { deferred, type Deferred } from '../testing/deferred.js';
import { createQueryCache, type QueryDescriptor, type QueryKey, type QueryState } from './query-cache.js';

/** A query's state once no fetch is in flight. */
function settled(state: Pick<QueryState<unknown>, 'status' | 'data' | 'error'>): QueryState<unknown> {
  return { ...state, isFetching: false };
}

/** A descriptor whose every fetch waits for the test to answer it; records each call's signal. */
function controlledQuery<T>(key: QueryKey = ['session', 'A']) {
  const calls: { signal: AbortSignal; answer: Deferred<T> }[] = [];
  const descriptor: QueryDescriptor<T> = {
    key,
    fetch: (signal) => {
      const answer = deferred<T>();
      calls.push({ signal, answer });
      return answer.promise;
    },
  };
  const call = (index: number) => {
    const found = calls[index];
    if (!found) throw new Error(`fetch ${index} was not made`);
    return found;
  };
  return { descriptor, calls, call };
}

const noChange = () => undefined;
const observeEnabled =
  <T>(descriptor: QueryDescriptor<T>) =>
  () =>
    descriptor;

describe('createQueryCache', () => {
  it('starts pending with no data for a key it has never loaded', () => {
    const cache = createQueryCache();

    expect(cache.read(['nothing'])).toEqual({ data: undefined, error: null, status: 'pending', isFetching: false });
    expect(cache.size()).toBe(0);
  });

  it('makes one request for concurrent fetches of the same key and gives both the answer', async () => {
    const cache = createQueryCache();
    const query = controlledQuery<{ n: number }>();

    const first = cache.fetch(query.descriptor);
    const second = cache.fetch(query.descriptor);
    expect(cache.read(query.descriptor.key).isFetching).toBe(true);
    query.call(0).answer.resolve({ n: 1 });
    await Promise.all([first, second]);

    expect(query.calls).toHaveLength(1);
    expect(cache.read(query.descriptor.key)).toEqual(settled({ status: 'success', data: { n: 1 }, error: null }));
  });

  it('keeps the shown data while refetching, and its identity when the new answer is deep-equal', async () => {
    const cache = createQueryCache();
    const query = controlledQuery<{ steps: { code: number }[] }>();
    const loaded = cache.fetch(query.descriptor);
    query.call(0).answer.resolve({ steps: [{ code: 1 }] });
    await loaded;
    const shown = cache.read(query.descriptor.key).data;

    const refreshed = cache.fetch(query.descriptor);
    expect(cache.read(query.descriptor.key)).toEqual({ data: shown, error: null, status: 'success', isFetching: true });
    query.call(1).answer.resolve({ steps: [{ code: 1 }] });
    await refreshed;

    expect(cache.read(query.descriptor.key).data).toBe(shown);
  });

  it('reports a failed first load as an error without data', async () => {
    const cache = createQueryCache();
    const query = controlledQuery<string>();
    const failure = new Error('offline');

    const loaded = cache.fetch(query.descriptor);
    query.call(0).answer.reject(failure);
    await loaded;

    expect(cache.read(query.descriptor.key)).toEqual(settled({ status: 'error', data: undefined, error: failure }));
  });

  it('keeps the data after a failed refresh and clears the error after the next success', async () => {
    const cache = createQueryCache();
    const query = controlledQuery<string>();
    const failure = new Error('offline');
    cache.setData(query.descriptor.key, 'first');

    const failed = cache.fetch(query.descriptor);
    query.call(0).answer.reject(failure);
    await failed;
    expect(cache.read(query.descriptor.key)).toEqual(settled({ status: 'error', data: 'first', error: failure }));
    const recovered = cache.fetch(query.descriptor);
    query.call(1).answer.resolve('second');
    await recovered;

    expect(cache.read(query.descriptor.key)).toEqual(settled({ status: 'success', data: 'second', error: null }));
  });

  it('does not refetch fresh data on mount, but does once it is older than staleMs', async () => {
    jest.useFakeTimers({ now: Date.parse('2021-05-27T07:40:00Z') });
    try {
      const cache = createQueryCache();
      const query = controlledQuery<string>();
      cache.setData(query.descriptor.key, 'cached');

      void cache.fetchIfStale(query.descriptor);
      expect(query.calls).toHaveLength(0);
      jest.advanceTimersByTime(1_000);
      void cache.fetchIfStale(query.descriptor);

      expect(query.calls).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('invalidates by key prefix: refetches the observed queries at once and the others when next needed', async () => {
    const cache = createQueryCache();
    const progress = controlledQuery<string>(['session', 'A', 'progress']);
    const photos = controlledQuery<string>(['session', 'A', 'photos']);
    const other = controlledQuery<string>(['session', 'B']);
    [progress, photos, other].forEach((query) => cache.setData(query.descriptor.key, 'old'));
    cache.observe(progress.descriptor.key, noChange, observeEnabled(progress.descriptor));
    cache.observe(other.descriptor.key, noChange, observeEnabled(other.descriptor));

    const invalidated = cache.invalidate(['session', 'A']);
    progress.call(0).answer.resolve('new');
    await invalidated;
    void cache.fetchIfStale(photos.descriptor);
    void cache.fetchIfStale(other.descriptor);

    expect(cache.read(progress.descriptor.key).data).toBe('new');
    expect(photos.calls).toHaveLength(1);
    expect(other.calls).toHaveLength(0);
  });

  it('invalidates one key alone with exact, leaving the queries under it as they are', async () => {
    const cache = createQueryCache();
    const session = controlledQuery<string>(['session', 'A']);
    const progress = controlledQuery<string>(['session', 'A', 'progress']);
    [session, progress].forEach((query) => cache.setData(query.descriptor.key, 'old'));
    cache.observe(session.descriptor.key, noChange, observeEnabled(session.descriptor));
    cache.observe(progress.descriptor.key, noChange, observeEnabled(progress.descriptor));

    const invalidated = cache.invalidate(['session', 'A'], { exact: true });
    session.call(0).answer.resolve('new');
    await invalidated;
    void cache.fetchIfStale(progress.descriptor);

    expect(cache.read(session.descriptor.key).data).toBe('new');
    expect(progress.calls).toHaveLength(0);
  });

  it('aborts a fetch in flight when invalidating, and ignores its late answer', async () => {
    const cache = createQueryCache();
    const query = controlledQuery<string>();
    cache.observe(query.descriptor.key, noChange, observeEnabled(query.descriptor));
    void cache.fetch(query.descriptor);

    const invalidated = cache.invalidate(query.descriptor.key);
    query.call(1).answer.resolve('after the change');
    query.call(0).answer.resolve('before the change');
    await invalidated;
    await Promise.resolve();

    expect(query.call(0).signal.aborted).toBe(true);
    expect(cache.read(query.descriptor.key).data).toBe('after the change');
  });

  it('does not refetch an observed query that is disabled when invalidating', async () => {
    const cache = createQueryCache();
    const query = controlledQuery<string>();
    cache.setData(query.descriptor.key, 'old');
    cache.observe(query.descriptor.key, noChange, () => null);

    await cache.invalidate(query.descriptor.key);

    expect(query.calls).toHaveLength(0);
  });

  it('aborts the fetch in flight when its last observer leaves, not before', () => {
    const cache = createQueryCache();
    const query = controlledQuery<string>();
    const leaveFirst = cache.observe(query.descriptor.key, noChange, observeEnabled(query.descriptor));
    const leaveSecond = cache.observe(query.descriptor.key, noChange, observeEnabled(query.descriptor));
    void cache.fetch(query.descriptor);

    leaveFirst();
    expect(query.call(0).signal.aborted).toBe(false);
    leaveSecond();

    expect(query.call(0).signal.aborted).toBe(true);
    expect(cache.read(query.descriptor.key)).toEqual(settled({ status: 'pending', data: undefined, error: null }));
  });

  it('notifies the observers of a key on every change of its state', async () => {
    const cache = createQueryCache();
    const query = controlledQuery<string>();
    const seen: string[] = [];
    cache.observe(
      query.descriptor.key,
      () => seen.push(cache.read(query.descriptor.key).status),
      () => null,
    );

    const loaded = cache.fetch(query.descriptor);
    query.call(0).answer.resolve('data');
    await loaded;

    expect(seen).toEqual(['pending', 'success']);
  });

  it('stores an answer given directly and aborts an older fetch in flight', () => {
    const cache = createQueryCache();
    const query = controlledQuery<string>();
    void cache.fetch(query.descriptor);

    cache.setData(query.descriptor.key, 'from a mutation');

    expect(query.call(0).signal.aborted).toBe(true);
    expect(cache.read(query.descriptor.key)).toEqual(
      settled({ status: 'success', data: 'from a mutation', error: null }),
    );
  });

  it('forgets everything on clear: answers, fetches in flight (whose answers are ignored), and tells observers', async () => {
    const cache = createQueryCache();
    const query = controlledQuery<string>();
    let changes = 0;
    cache.setData(['other'], 'kept until clear');
    cache.observe(
      query.descriptor.key,
      () => (changes += 1),
      () => null,
    );
    const loading = cache.fetch(query.descriptor);
    changes = 0;

    cache.clear();
    query.call(0).answer.resolve('late');
    await loading;

    expect(query.call(0).signal.aborted).toBe(true);
    expect(changes).toBe(1);
    expect(cache.size()).toBe(0);
    expect(cache.read(query.descriptor.key).data).toBeUndefined();
  });

  it('passes the data shown to the fetch, so a paged list can reload as many pages as are shown', async () => {
    const cache = createQueryCache();
    const shown: (readonly string[] | undefined)[] = [];
    const descriptor: QueryDescriptor<readonly string[]> = {
      key: ['list'],
      fetch: async (_signal, current) => (shown.push(current), ['page 1', 'page 2']),
    };
    cache.setData(descriptor.key, ['page 1']);

    await cache.fetch(descriptor);

    expect(shown).toEqual([['page 1']]);
  });
});
