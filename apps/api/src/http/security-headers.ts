import { capturePathPrefix } from '@pave/domain';
import type { RequestHandler } from 'express';
import { isApiPath } from './web-app.js';

/** What the security headers depend on. */
export type SecurityHeaderOptions = {
  /** `PUBLIC_BASE_URL`: HSTS is sent only when it is https (a plain-http deployment must stay reachable). */
  readonly publicBaseUrl: string;
};

/** The security headers of one answer, by name. */
export type SecurityHeaders = Readonly<Record<string, string>>;

// Pages: no inline script anywhere (the built web app loads only its own files). Inline styles stay allowed (the API
// docs page has one <style>; a style cannot run code). Images may come from a bucket (presigned redirects) or
// data: URLs (the QR code of a capture link).
const pagePolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
// JSON and images: nothing in them may run or be framed
const apiPolicy = "default-src 'none'; frame-ancestors 'none'";
const hstsValue = 'max-age=31536000; includeSubDomains';

const common = { 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' } as const;

function headerSets(hsts: boolean) {
  const withHsts = hsts ? { 'Strict-Transport-Security': hstsValue } : {};
  return {
    // a capture page's URL names its session: it is never sent on as a Referer
    capturePage: { ...common, ...withHsts, 'Content-Security-Policy': pagePolicy, 'Referrer-Policy': 'no-referrer' },
    page: {
      ...common,
      ...withHsts,
      'Content-Security-Policy': pagePolicy,
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    },
    api: { ...common, ...withHsts, 'Content-Security-Policy': apiPolicy, 'Referrer-Policy': 'no-referrer' },
  } satisfies Record<string, SecurityHeaders>;
}

/** The security headers of an answer to `path`, computed once per kind of answer (page, capture page, API). */
export function createSecurityHeaderPicker(options: SecurityHeaderOptions): (path: string) => SecurityHeaders {
  const sets = headerSets(options.publicBaseUrl.startsWith('https://'));
  return (path) => {
    if (path.startsWith(capturePathPrefix)) return sets.capturePage;
    return isApiPath(path) && path !== '/docs' ? sets.api : sets.page;
  };
}

/** Sets the security headers on every answer Express gives. */
export function createSecurityHeaders(pick: (path: string) => SecurityHeaders): RequestHandler {
  return (req, res, next) => {
    res.set(pick(req.path));
    next();
  };
}
