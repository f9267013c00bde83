import type { IncomingMessage } from 'node:http';
import { sessionCookieName } from '@pave/domain';

/** How long a signed-in browser stays signed in without using the app: 14 days (each use moves it on). */
export const sessionLifetimeMs = 14 * 24 * 3600 * 1000;

/** A session's expiry is moved on once less than this is left of it (so at most about once a day per session). */
export const sessionRenewBelowMs = sessionLifetimeMs - 24 * 3600 * 1000;

/** The session token in a request's `Cookie` header; undefined when absent. */
export function sessionTokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookieName) return value.join('=') || undefined;
  }
  return undefined;
}

/** The cookie's attributes: HttpOnly (no script reads it), SameSite=Lax, Secure when the server is https. */
function attributes(secure: boolean, maxAgeSeconds: number): string {
  return ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** The `Set-Cookie` value that signs a browser in with `token`. */
export function sessionCookie(token: string, secure: boolean): string {
  return `${sessionCookieName}=${token}; ${attributes(secure, Math.floor(sessionLifetimeMs / 1000))}`;
}

/** The `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${sessionCookieName}=; ${attributes(secure, 0)}`;
}
