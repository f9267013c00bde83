import { captureUrlWithoutToken, roleCan } from '@pave/domain';
import type { Response } from 'express';

// A capture link's fragment is its token: whoever holds it can capture into the session (upload, skip, confirm).
// A person who may not change sessions (a viewer) gets the link without it: where the capture app is, not the right
// to use it. The wire schema keeps `capture_url` a required absolute URL either way. HMAC requests (machines) and
// reviewers and admins get the whole link.

/** True when the caller of `res` must not see capture tokens: a signed-in person whose role cannot review. */
export function hidesCaptureTokens(res: Response): boolean {
  const user = res.locals.user;
  return user !== undefined && !roleCan(user.role, 'review');
}

/** A capture link without its token: `…/capture/<session_key>`. */
export function withoutCaptureToken(captureUrl: string): string {
  return captureUrlWithoutToken(captureUrl);
}

/** A session object (or a listed one) whose `capture_url` has no token. */
export function withoutSessionToken<T extends { readonly capture_url: string }>(session: T): T {
  return { ...session, capture_url: withoutCaptureToken(session.capture_url) };
}

/** A results document (or a `SESSION:COMPLETE` body) whose session's `capture_url` has no token; anything else as is. */
export function withoutNestedToken<T>(value: T): T {
  if (typeof value !== 'object' || value === null || !('session' in value)) return value;
  const { session } = value as { session: unknown };
  if (typeof session !== 'object' || session === null || !('capture_url' in session)) return value;
  const { capture_url: url } = session as { capture_url: unknown };
  if (typeof url !== 'string') return value;
  return { ...value, session: { ...session, capture_url: withoutCaptureToken(url) } };
}
