import type { CaptureClient } from '@pave/client/capture';

/** Thrown instead of sending a change to the session from a reviewer's preview (the UI offers none; a safety net). */
export class PreviewRefusal extends Error {
  override name = 'PreviewRefusal';
  constructor() {
    super('invariant: a preview of the capture link sends nothing');
  }
}

const refuse = (): Promise<never> => Promise.reject(new PreviewRefusal());

/** The capture client of a preview: it reads the capture state, and refuses every change before anything is sent. */
export function previewClient(client: CaptureClient): CaptureClient {
  return { ...client, start: refuse, upload: refuse, manual: refuse, skip: refuse, confirm: refuse };
}
