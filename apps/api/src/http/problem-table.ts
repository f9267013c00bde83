import type { ApiErrorCode, Result } from '@pave/domain';
import { ApiProblem } from './api-problem.js';

/** A refusal a service returns: a snake_case code and the data needed to word it. */
type CodedError = { readonly code: string };

/** The members of `E` that may carry `code` (a member whose code is itself a union counts for each of its codes). */
type WithCode<E extends CodedError, C> = E extends CodedError ? (C extends E['code'] ? E : never) : never;

/**
 * How a router answers each refusal of its service: the API error code (its status comes from the error handler's
 * table) and the message, worded from the refusal's data. Keyed by every code of `E`, so a new refusal without an
 * entry fails to compile (`satisfies ProblemTable<TheError>`).
 */
export type ProblemTable<E extends CodedError> = {
  readonly [C in E['code']]: readonly [ApiErrorCode, (error: WithCode<E, C>) => string];
};

/** The problem to throw for `error`, as `table` words it. */
export function problemOf<E extends CodedError>(table: ProblemTable<E>, error: E): ApiProblem {
  // TypeScript cannot tie `table[error.code]` to the member of `E` that `error` is; ProblemTable's keys do
  const [code, message] = table[error.code as E['code']] as readonly [ApiErrorCode, (error: E) => string];
  return new ApiProblem(code, message(error));
}

/** The value of a service's result, or the problem `table` gives for its refusal, thrown. */
export function valueOrProblem<T, E extends CodedError>(result: Result<T, E>, table: NoInfer<ProblemTable<E>>): T {
  if (!result.ok) throw problemOf(table, result.error);
  return result.value;
}
