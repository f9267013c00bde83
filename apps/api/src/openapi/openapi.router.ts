import { Router } from 'express';
import { serveGet } from '../http/route-helpers.js';
import { renderDocsPage } from './docs-page.js';
import type { OpenApiDocument } from './openapi-document.js';
import { publicGetRoutes, type RouteDoc } from './route-doc.js';

/** `GET /openapi.json` and the human page `GET /docs`, both from the same generated document. */
export function createOpenApiRouter(document: OpenApiDocument): Router {
  const router = Router();
  const page = renderDocsPage(document);
  serveGet(router, '/openapi.json', (_req, res) => {
    res.json(document);
  });
  serveGet(router, '/docs', (_req, res) => {
    res.type('html').send(page);
  });
  return router;
}

/** The routes of openapi.router.ts. */
export const openApiRouteDocs: readonly RouteDoc[] = publicGetRoutes('Documentation', [
  {
    path: '/openapi.json',
    operationId: 'openApiDocument',
    summary: 'This API as an OpenAPI 3.1 document',
    responses: { 200: { description: 'The document.', contentType: 'application/json' } },
  },
  {
    path: '/docs',
    operationId: 'docsPage',
    summary: 'This API as a web page',
    responses: { 200: { description: 'An HTML page.', contentType: 'text/html' } },
  },
]);
