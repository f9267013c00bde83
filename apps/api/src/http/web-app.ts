import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler, Router } from 'express';

/** Paths the API owns: the web app's fallback never answers them. */
export const apiPathPrefixes = ['/v1/', '/images/', '/assets-api/'] as const;
const apiPaths = new Set(['/v1', '/images', '/openapi.json', '/docs', '/healthz', '/readyz', '/metrics']);

/** Does this path belong to the API (so that an unknown one is a JSON 404, not the web app)? */
export function isApiPath(path: string): boolean {
  return apiPaths.has(path) || apiPathPrefixes.some((prefix) => path.startsWith(prefix));
}

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>PAVE sessions</title></head>
<body><h1>The web app is not built</h1>
<p>The API is running. Build the web app with <code>npx nx run web:build</code> (or run <code>npm start</code>), then reload.</p>
<p>API docs: <a href="/docs">/docs</a> · <a href="/openapi.json">/openapi.json</a></p></body></html>
`;

function spaFallback(answer: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) {
      next();
      return;
    }
    res.locals.routeLabel = 'web-app';
    res.setHeader('Cache-Control', 'no-cache');
    answer(req, res, next);
  };
}

/**
 * Serves the built web app (its files, and index.html for client-side routes such as `/capture/:key`) when
 * `webDist` holds one; otherwise a small page saying it is not built.
 */
export function createWebAppRouter(webDist: string | null): Router {
  const router = Router();
  const index = webDist === null ? null : join(webDist, 'index.html');
  if (webDist === null || index === null || !existsSync(index)) {
    router.use(spaFallback((_req, res) => res.type('html').send(notBuiltPage)));
    return router;
  }
  const serveFiles = express.static(webDist, { index: false, fallthrough: true });
  router.use((req, res, next) => {
    if (isApiPath(req.path)) {
      next();
      return;
    }
    res.locals.routeLabel = 'web-app';
    serveFiles(req, res, next);
  });
  router.use(spaFallback((_req, res, next) => res.sendFile(index, (error) => error && next(error))));
  return router;
}
