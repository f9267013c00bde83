import { replaceEqualDeep } from './replace-equal-deep.js';

function buildSteps() {
  return {
    status: 'PROCESS',
    steps: [
      { code: 1, attempts: [{ url: 'a.jpg' }] },
      { code: 2, attempts: [] as { url: string }[] },
    ],
  };
}

describe('replaceEqualDeep', () => {
  it('keeps the previous object when the new one is deep-equal', () => {
    const previous = buildSteps();

    expect(replaceEqualDeep(previous, buildSteps())).toBe(previous);
  });

  it('shares the unchanged parts of a changed answer and replaces the changed ones', () => {
    const previous = buildSteps();
    const next = buildSteps();
    next.steps[1]?.attempts.push({ url: 'b.jpg' });

    const shared = replaceEqualDeep(previous, next);

    expect(shared).not.toBe(previous);
    expect(shared.steps[0]).toBe(previous.steps[0]);
    expect(shared.steps[1]).not.toBe(previous.steps[1]);
    expect(shared.steps[1]?.attempts).toEqual([{ url: 'b.jpg' }]);
  });

  it.each([
    ['a value changed', { a: 1, b: 2 }, { a: 1, b: 3 }],
    ['a key was added', { a: 1 }, { a: 1, b: undefined }],
    ['a key was removed', { a: 1, b: 2 }, { a: 1 }],
    ['an array grew', [1, 2], [1, 2, 3]],
    ['an array became an object', [1], { 0: 1 }],
  ])('returns the new value when %s', (_case, previous, next) => {
    const shared = replaceEqualDeep(previous, next);

    expect(shared).not.toBe(previous);
    expect(shared).toEqual(next);
  });

  it('compares primitives by value and leaves non-JSON objects alone', () => {
    const date = new Date(0);

    expect(replaceEqualDeep('x', 'x')).toBe('x');
    expect(replaceEqualDeep(null, { a: 1 })).toEqual({ a: 1 });
    expect(replaceEqualDeep(new Date(0), date)).toBe(date);
  });
});
