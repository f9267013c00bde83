import { createBatchedLookup, type LoadMany } from './batched-lookup.js';

/** A load that records the keys of every call and answers from `values` (or as `answer` says). */
function recordingLoad(values: Record<string, number>) {
  const calls: string[][] = [];
  const load: LoadMany<string, number> = async (keys) => {
    calls.push([...keys]);
    return new Map(keys.flatMap((key) => (key in values ? [[key, values[key] ?? 0] as const] : [])));
  };
  return { calls, load };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createBatchedLookup', () => {
  it('answers the lookups made in one turn with one load of their distinct keys', async () => {
    const { calls, load } = recordingLoad({ a: 1, b: 2 });
    const lookUp = createBatchedLookup(load);
    const answers = await Promise.all([lookUp('a'), lookUp('b'), lookUp('a'), lookUp('missing')]);
    expect(answers).toEqual([1, 2, 1, undefined]);
    expect(calls).toEqual([['a', 'b', 'missing']]);
  });

  it('loads again for lookups made in a later turn', async () => {
    const { calls, load } = recordingLoad({ a: 1 });
    const lookUp = createBatchedLookup(load);
    expect(await lookUp('a')).toBe(1);
    expect(await lookUp('a')).toBe(1);
    expect(calls).toEqual([['a'], ['a']]);
  });

  it('never answers a lookup from a load that started before it was made', async () => {
    let stored = 1;
    const started: Array<() => void> = [];
    const lookUp = createBatchedLookup<string, number>(async (keys) => {
      const value = stored;
      await new Promise<void>((resolve) => started.push(resolve));
      return new Map(keys.map((key) => [key, value]));
    });
    const before = lookUp('a');
    await nextTurn();
    expect(started).toHaveLength(1); // the first load has read `stored` and is still in flight
    stored = 2; // a write commits, then a new lookup is made
    const after = lookUp('a');
    await nextTurn();
    expect(started).toHaveLength(2);
    started.forEach((finish) => finish());
    expect(await before).toBe(1);
    expect(await after).toBe(2);
  });

  it('sends a full batch at once and puts the rest in the next one', async () => {
    const { calls, load } = recordingLoad({ a: 1, b: 2, c: 3, d: 4, e: 5 });
    const lookUp = createBatchedLookup(load, 2);
    const answers = await Promise.all(['a', 'b', 'c', 'd', 'e', 'a'].map(lookUp));
    expect(answers).toEqual([1, 2, 3, 4, 5, 1]);
    expect(calls).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'a'],
    ]);
  });

  it('rejects exactly the lookups of a failed batch, and the next batch is served', async () => {
    let fail = true;
    const lookUp = createBatchedLookup<string, number>(async (keys) => {
      if (fail) throw new Error('storage is down');
      return new Map(keys.map((key) => [key, 7]));
    });
    const failed = await Promise.allSettled([lookUp('a'), lookUp('b')]);
    expect(failed.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(failed[0]).toMatchObject({ reason: new Error('storage is down') });
    fail = false;
    expect(await lookUp('a')).toBe(7);
  });

  it('rejects the batch when the load throws before returning a promise', async () => {
    const lookUp = createBatchedLookup<string, number>(() => {
      throw new Error('bad query');
    });
    await expect(lookUp('a')).rejects.toThrow('bad query');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a maxBatch of %p', (maxBatch) => {
    expect(() => createBatchedLookup(recordingLoad({}).load, maxBatch)).toThrow('maxBatch');
  });
});
