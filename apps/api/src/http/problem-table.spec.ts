import type { Result } from '@pave/domain';
import { ApiProblem } from './api-problem.js';
import { problemOf, valueOrProblem, type ProblemTable } from './problem-table.js';

type ShelfError =
  | { readonly code: 'shelf_missing'; readonly shelf: string }
  | { readonly code: 'shelf_full'; readonly shelf: string; readonly capacity: number }
  | { readonly code: 'too_heavy' | 'too_wide'; readonly message: string };

const shelfProblems = {
  shelf_missing: ['not_found', (error) => `Shelf ${error.shelf} cannot be found.`],
  shelf_full: ['session_closed', (error) => `Shelf ${error.shelf} holds ${error.capacity} already.`],
  too_heavy: ['payload_too_large', (error) => error.message],
  too_wide: ['invalid_request', (error) => error.message],
} satisfies ProblemTable<ShelfError>;

// A refusal without an entry does not compile.
const { too_wide: _tooWide, ...withoutTooWide } = shelfProblems;
// @ts-expect-error: too_wide has no entry
withoutTooWide satisfies ProblemTable<ShelfError>;
// Each entry words its own member of the union: shelf_missing carries no capacity.
({
  ...shelfProblems,
  // @ts-expect-error: capacity is not a field of shelf_missing
  shelf_missing: ['not_found', (error) => String(error.capacity)],
}) satisfies ProblemTable<ShelfError>;

describe('problem tables', () => {
  it.each([
    [{ code: 'shelf_missing', shelf: 'A' }, 'not_found', 'Shelf A cannot be found.'],
    [{ code: 'shelf_full', shelf: 'B', capacity: 3 }, 'session_closed', 'Shelf B holds 3 already.'],
    [{ code: 'too_wide', message: 'Wider than 2 m.' }, 'invalid_request', 'Wider than 2 m.'],
  ] as const)('answers %o with the code and words of its entry', (error, code, message) => {
    const problem = problemOf(shelfProblems, error);

    expect([problem, problem.code, problem.message]).toEqual([expect.any(ApiProblem), code, message]);
  });

  it('passes a value through and throws the problem of a refusal', () => {
    const lookUp = (shelf: string): Result<number, ShelfError> =>
      shelf === 'A' ? { ok: true, value: 42 } : { ok: false, error: { code: 'shelf_missing', shelf } };

    expect(valueOrProblem(lookUp('A'), shelfProblems)).toBe(42);
    expect(() => valueOrProblem(lookUp('C'), shelfProblems)).toThrow('Shelf C cannot be found.');
  });
});
