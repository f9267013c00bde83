import { captureTokenHeader, parseCaptureUrl } from '@pave/domain';
import { readAnswer, type HttpAnswer } from './http-call.js';

/** One part of a hand-made multipart form: a file (with a filename) or a text field. */
export type FormPart =
  | { readonly field: string; readonly bytes: Buffer; readonly filename?: string; readonly type?: string }
  | { readonly field: string; readonly text: string };

/** The `Capture-Token` header of a session's capture link (its `capture_url`). */
export function captureTokenHeaders(captureUrl: string): Record<string, string> {
  const link = parseCaptureUrl(captureUrl);
  if (!link) throw new Error(`${captureUrl} is not a capture link`);
  return { [captureTokenHeader]: link.token };
}

/** Posts a multipart form to an upload route, part by part as given, and reads the whole answer. */
export async function postForm(
  baseUrl: string,
  path: string,
  parts: readonly FormPart[],
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const form = new FormData();
  for (const part of parts) {
    if ('text' in part) form.append(part.field, part.text);
    else
      form.append(
        part.field,
        new Blob([new Uint8Array(part.bytes)], { type: part.type ?? 'image/jpeg' }),
        part.filename ?? 'photo.jpg',
      );
  }
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', body: form, headers });
  return readAnswer(response);
}
