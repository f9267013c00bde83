import { createSemaphore } from './semaphore.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('createSemaphore', () => {
  it('runs at most `limit` tasks at once and starts the waiting ones in arrival order', async () => {
    const semaphore = createSemaphore(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, index) =>
      semaphore.run(async () => {
        started.push(index);
        await gate.promise;
        return index;
      }),
    );
    await Promise.resolve();
    expect([started, semaphore.active, semaphore.waiting]).toEqual([[0, 1], 2, 2]);
    gates[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect([semaphore.active, semaphore.waiting]).toEqual([0, 0]);
  });

  it('gives the slot back when the task fails', async () => {
    const semaphore = createSemaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('decoder crashed')))).rejects.toThrow('decoder crashed');
    expect(semaphore.active).toBe(0);
  });

  it('turns tryAcquire away when full, and a release given twice frees one slot only', () => {
    const semaphore = createSemaphore(1);
    const release = semaphore.tryAcquire();
    expect(semaphore.tryAcquire()).toBeNull();
    release?.();
    release?.();
    expect(semaphore.active).toBe(0);
    expect(semaphore.tryAcquire()).not.toBeNull();
    expect(semaphore.active).toBe(1);
  });

  it.each([0, -1, 1.5])('refuses a limit of %s', (limit) => {
    expect(() => createSemaphore(limit)).toThrow(RangeError);
  });
});
