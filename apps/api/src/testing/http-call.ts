import { authHeaders, type TestCredentials } from './test-accounts.js';

/** An answer, read in full. */
export type HttpAnswer = { status: number; headers: Headers; text: string; json: unknown };

/** What a test request carries: credentials signed at `at`, a JSON body, extra or overriding headers. */
export type CallOptions = {
  readonly credentials?: TestCredentials;
  readonly at?: Date;
  readonly json?: unknown;
  readonly body?: string;
  readonly headers?: Record<string, string>;
};

/** Makes a real HTTP request to a test server and reads the whole answer. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = {
    ...(options.credentials ? authHeaders(options.credentials, options.at ?? new Date()) : {}),
    ...(options.json === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...options.headers,
  };
  const body = options.json === undefined ? options.body : JSON.stringify(options.json);
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  return readAnswer(response);
}

/** Reads a whole fetch response: its text, and its JSON when the text is JSON (undefined otherwise). */
export async function readAnswer(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
