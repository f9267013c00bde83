import { Router } from 'express';
import { methodNotAllowed } from '../http/error-handler.js';
import { renderDocsPage } from './docs-page.js';
import type { OpenApiDocument } from './openapi-document.js';
import type { RouteDoc } from './route-doc.js';

/** `GET /openapi.json` and the human page `GET /docs`, both from the same generated document. */
export function createOpenApiRouter(document: OpenApiDocument): Router {
  const router = Router();
  const page = renderDocsPage(document);
  router
    .route('/openapi.json')
    .get((_req, res) => {
      res.json(document);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/docs')
    .get((_req, res) => {
      res.type('html').send(page);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}

/** The routes of openapi.router.ts. */
export const openApiRouteDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'openApiDocument',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'Documentation',
    auth: false,
    responses: { 200: { description: 'The document.', contentType: 'application/json' } },
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'docsPage',
    summary: 'This API as a web page',
    tag: 'Documentation',
    auth: false,
    responses: { 200: { description: 'An HTML page.', contentType: 'text/html' } },
  },
];
