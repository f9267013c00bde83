import * as z from 'zod/mini';
import { PaveResponseError } from './pave-client-error.js';

/** A 2xx answer as read off the wire. */
export type RawResponse = { readonly status: number; readonly text: string };

function summarize(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  if (!first) return 'no details';
  const where = first.path.length > 0 ? first.path.map(String).join('.') : '(root)';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where}: ${first.message}${more}`;
}

/**
 * Parses a 2xx body with its `@pave/domain` schema and returns the parsed value (the wire object: response
 * schemas only strip unknown keys). Throws {@link PaveResponseError} when the body is not JSON or fails the schema.
 */
export function parseResponse<T>(response: RawResponse, schema: z.core.$ZodType<T>, what: string): T {
  let data: unknown;
  try {
    data = JSON.parse(response.text);
  } catch (error) {
    const issues: z.core.$ZodIssue[] = [{ code: 'custom', path: [], message: 'Expected a JSON body' }];
    const message = `${what} answered ${response.status} with a body that is not JSON.`;
    throw new PaveResponseError(message, { status: response.status, issues }, { cause: error });
  }
  const parsed = z.safeParse(schema, data);
  if (parsed.success) return parsed.data;
  const { issues } = parsed.error;
  const message = `${what} answered ${response.status} with an unexpected body: ${summarize(issues)}`;
  throw new PaveResponseError(message, { status: response.status, issues }, { cause: parsed.error });
}
