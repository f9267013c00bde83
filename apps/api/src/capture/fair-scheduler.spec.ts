import { createFairScheduler, type WorkOwner } from './fair-scheduler.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const owner = (account: string, session = `${account}-1`): WorkOwner => ({ account, session });

describe('createFairScheduler', () => {
  it('runs at most `limit` tasks at once and gives the slot back however a task ends', async () => {
    const scheduler = createFairScheduler(2);
    const gate = deferred();
    const runs = [1, 2, 3].map((n) => scheduler.run(owner('a'), () => gate.promise.then(() => n)));
    const failing = scheduler.run(owner('a'), () => Promise.reject(new Error('boom')));
    await Promise.resolve();

    expect([scheduler.active, scheduler.waiting]).toEqual([2, 2]);
    gate.resolve();
    expect(await Promise.all(runs)).toEqual([1, 2, 3]);
    await expect(failing).rejects.toThrow('boom');
    expect([scheduler.active, scheduler.waiting]).toEqual([0, 0]);
  });

  it('takes waiting accounts in turn, so a flood from one account does not hold back another', async () => {
    const scheduler = createFairScheduler(1);
    const started: string[] = [];
    const gate = deferred();
    const task = (name: string) => () => {
      started.push(name);
      return gate.promise;
    };
    const all = [
      scheduler.run(owner('flood'), task('flood-0')),
      ...[1, 2, 3, 4].map((i) => scheduler.run(owner('flood', `flood-${i}`), task(`flood-${i}`))),
      scheduler.run(owner('other'), task('other')),
    ];
    gate.resolve();
    await Promise.all(all);

    expect(started.slice(0, 3)).toEqual(['flood-0', 'flood-1', 'other']);
  });

  it('takes the sessions of one account in turn, and one session in arrival order', async () => {
    const scheduler = createFairScheduler(1);
    const started: string[] = [];
    const gate = deferred();
    const task = (name: string) => () => {
      started.push(name);
      return gate.promise;
    };
    const all = [
      scheduler.run(owner('a', 's0'), task('s0')),
      scheduler.run(owner('a', 's1'), task('s1-first')),
      scheduler.run(owner('a', 's1'), task('s1-second')),
      scheduler.run(owner('a', 's2'), task('s2')),
    ];
    gate.resolve();
    await Promise.all(all);

    expect(started).toEqual(['s0', 's1-first', 's2', 's1-second']);
  });

  it('refuses a limit below 1', () => {
    expect(() => createFairScheduler(0)).toThrow(RangeError);
  });
});
