import { z } from 'zod';
import { ApiProblem } from './api-problem.js';

/** A zod issue as our error bodies list it under `details`. */
export type IssueDetail = { path: string; message: string };

/** Parses a request value or throws a 400 `invalid_request` naming each problem (path and message, never the value). */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, value: unknown, what = 'request'): z.output<S> {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const details: IssueDetail[] = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = details[0];
  const where = first && first.path !== '' ? `${first.path}: ` : '';
  throw new ApiProblem('invalid_request', `Invalid ${what}: ${where}${first?.message ?? 'invalid'}`, { details });
}
