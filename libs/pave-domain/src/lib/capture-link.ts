import * as z from 'zod/mini';
import { capturePath, SessionKey } from './session.js';

/** The request header that carries a capture link's token on every `/v1/capture/<session_key>…` call. */
export const captureTokenHeader = 'Capture-Token';

/** A capture link's token: 22 to 128 base64url characters (the server makes 43: 256 random bits). */
export const CaptureToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,128}$/));
export type CaptureToken = z.infer<typeof CaptureToken>;

/** What a capture link carries: where its API is, which session, and the token that opens it. */
export type CaptureLink = {
  /** The API's base URL: the link's origin and any path before `/capture/`, without a trailing slash. */
  readonly apiBaseUrl: string;
  readonly sessionKey: SessionKey;
  readonly token: CaptureToken;
};

/**
 * A session's capture link, `<PUBLIC_BASE_URL>/capture/<session_key>#<token>`: the token travels in the fragment,
 * which browsers never send to a server nor put in a Referer header.
 */
export function buildCaptureUrl(publicBaseUrl: string, sessionKey: SessionKey, token: CaptureToken): string {
  return `${publicBaseUrl}${capturePath(sessionKey)}#${token}`;
}

/**
 * A capture link without its token: `<PUBLIC_BASE_URL>/capture/<session_key>`, where the capture app is but not the
 * right to use it (what viewers see, and what stored events keep). A URL without a fragment is returned as it is.
 */
export function captureUrlWithoutToken(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** A capture link with `token` as its fragment, whether or not `url` had one (see {@link buildCaptureUrl}). */
export function captureUrlWithToken(url: string, token: CaptureToken): string {
  return `${captureUrlWithoutToken(url)}#${token}`;
}

// origin (and any base path), the key segment after the last `/capture/`, an optional query, then the fragment
const captureUrlPattern = /^(https?:\/\/[^/?#\s]+(?:\/[^?#\s]*)?)\/capture\/([^/?#\s]+)\/?(?:\?[^#\s]*)?#([^#\s]*)$/i;

/** The parts of a capture link (see {@link buildCaptureUrl}); null when `url` is not one. */
export function parseCaptureUrl(url: string): CaptureLink | null {
  const [, apiBaseUrl = '', keySegment = '', fragment = ''] = captureUrlPattern.exec(url) ?? [];
  const key = SessionKey.safeParse(decodeSegment(keySegment));
  const token = CaptureToken.safeParse(fragment);
  if (!apiBaseUrl || !key.success || !token.success) return null;
  return { apiBaseUrl, sessionKey: key.data, token: token.data };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
