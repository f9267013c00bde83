import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
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

/** Every file under `<dataDir>/images` (relative names, sorted): what a test checks was or was not stored. */
export async function listImageFiles(dataDir: string): Promise<string[]> {
  const root = join(dataDir, 'images');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}
