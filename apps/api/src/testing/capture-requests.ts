import { readAnswer, type HttpAnswer } from './http-call.js';

/** One part of a hand-made multipart form: a file (with a filename) or a text field. */
export type FormPart =
  | { readonly field: string; readonly bytes: Buffer; readonly filename?: string; readonly type?: string }
  | { readonly field: string; readonly text: string };

/** Posts a multipart form to an upload route, part by part as given, and reads the whole answer. */
export async function postForm(baseUrl: string, path: string, parts: readonly FormPart[]): Promise<HttpAnswer> {
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
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', body: form });
  return readAnswer(response);
}
