import { CaptureToken } from '@pave/domain';

/** The flag after the token that opens a capture link as a reviewer's preview: `#<token>&preview`. */
export const previewFlag = 'preview';

/** What a capture link's fragment carries: the token (null when it has none) and whether it is a preview. */
export type CaptureFragment = { readonly token: CaptureToken | null; readonly preview: boolean };

/**
 * Reads `#<token>` or `#<token>&preview`. The flag rides in the fragment with the token, so it survives every screen
 * change and reload (the app keeps the fragment in its URLs) and, like the token, never reaches a server.
 */
export function readCaptureFragment(hash: string): CaptureFragment {
  const [raw = '', ...flags] = hash.replace(/^#/, '').split('&');
  const parsed = CaptureToken.safeParse(raw);
  return { token: parsed.success ? parsed.data : null, preview: flags.includes(previewFlag) };
}
