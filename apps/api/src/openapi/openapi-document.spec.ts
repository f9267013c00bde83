import { authHeaderNames, captureTokenHeader, sessionCookieName, sessionPhotoShape } from '@pave/domain';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Express } from 'express';
import { createFolderImageStore } from '../images/folder-image-store.js';
import { createApp, createOpenApiDocument, namedSchemas } from '../app.js';
import { createLogger } from '../logger.js';
import type { Repository } from '../storage/repository.js';
import { call } from '../testing/http-call.js';
import { startTestServer, testDefaultImages, testSecretBox } from '../testing/test-server.js';
import { createSqliteTestStorage } from '../testing/test-storage.js';
import { openApiPathOf } from './openapi-document.js';

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

// Express keeps its routes in router stacks; every router here is mounted at the root.
function registeredRoutes(stack: readonly Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const { path, methods } = layer.route;
      return Object.keys(methods)
        .filter((method) => method !== '_all')
        .map((method) => `${method} ${openApiPathOf(path)}`);
    }
    return layer.handle?.stack ? registeredRoutes(layer.handle.stack) : [];
  });
}

function documentedRoutes(): string[] {
  const { paths } = createOpenApiDocument();
  return Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
}

function collectRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectRefs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : collectRefs(inner),
  );
}

/** Every object or array in a JSON value, with its JSON pointer. */
function nodesOf(value: unknown, pointer = '#'): [string, unknown][] {
  if (value === null || typeof value !== 'object') return [];
  const children = Object.entries(value).flatMap(([key, inner]) => nodesOf(inner, `${pointer}/${key}`));
  return [[pointer, value], ...children];
}

/** The value a local `$ref` points to (JSON pointer, RFC 6901), or undefined. */
function resolveRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  const tokens = ref
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  return tokens.reduce<unknown>(
    (node, token) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined),
    document,
  );
}

describe('the OpenAPI document', () => {
  it('documents exactly the routes the app has', async () => {
    const storage = createSqliteTestStorage();
    const repo: Repository = await storage.open();
    try {
      const app: Express = createApp({
        repo,
        logger: createLogger('silent'),
        publicBaseUrl: 'http://localhost:3000',
        secretBox: testSecretBox,
        images: await createFolderImageStore(join(tmpdir(), 'pave-openapi-unused')),
        defaultImages: await testDefaultImages(),
      });
      const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
      expect(registeredRoutes(stack).sort()).toEqual(documentedRoutes().sort());
    } finally {
      await repo.close();
      await storage.destroy();
    }
  });

  it('is OpenAPI 3.1 whose every $ref, in paths and in components, resolves to a component schema', () => {
    const document = createOpenApiDocument();
    expect(document.openapi).toBe('3.1.0');
    const refs = [...new Set(collectRefs(document))];
    const componentRefs = new Set(collectRefs(document.components));
    const unresolved = refs.filter((ref) => {
      const target = resolveRef(document, ref);
      return !ref.startsWith('#/components/schemas/') || target === null || typeof target !== 'object';
    });
    expect(refs.length).toBeGreaterThan(5);
    expect([...componentRefs]).toEqual(
      expect.arrayContaining(['#/components/schemas/ListedSession', '#/components/schemas/SessionPhoto']),
    );
    expect(unresolved).toEqual([]);
  });

  it('refers to every named schema by $ref wherever it is used, and never copies one', () => {
    const document = createOpenApiDocument();
    const { schemas } = document.components;
    const nodes = nodesOf(document);
    const copies = Object.entries(schemas).flatMap(([name, schema]) =>
      nodes
        .filter(([pointer, node]) => pointer !== `#/components/schemas/${name}` && isDeepStrictEqual(node, schema))
        .map(([pointer]) => `${name} at ${pointer}`),
    );
    expect(copies).toEqual([]);
    const referenced = new Set(collectRefs(document));
    const unused = Object.keys(namedSchemas).filter((name) => !referenced.has(`#/components/schemas/${name}`));
    expect(unused).toEqual([]);
  });

  it.each([
    ['SessionList', '#/components/schemas/SessionList/properties/sessions/items', 'ListedSession'],
    ['SessionPhotos', '#/components/schemas/SessionPhotos/items', 'SessionPhoto'],
    [
      'CaptureState',
      '#/components/schemas/CaptureState/properties/steps/items/properties/latest/anyOf/0',
      'SessionPhoto',
    ],
  ])('refers to %s’s inner schema by name', (_name, pointer, inner) => {
    expect(resolveRef(createOpenApiDocument(), pointer)).toEqual({ $ref: `#/components/schemas/${inner}` });
  });

  it('declares the three auth headers as one security requirement on the session routes, or the session cookie', () => {
    const document = createOpenApiDocument();
    const schemes = document.components.securitySchemes as Record<string, { name: string }>;
    expect(Object.values(schemes).map((scheme) => scheme.name)).toEqual([
      authHeaderNames.apiKey,
      authHeaderNames.token,
      authHeaderNames.timestamp,
      captureTokenHeader,
      sessionCookieName,
    ]);
    expect(document.paths['/v1/sessions/{session_key}/photos']?.['get']?.['security']).toEqual([
      { ApiKey: [], ApiToken: [], ApiTimestamp: [] },
      { SessionCookie: [] },
    ]);
  });

  it('requires the Capture-Token header on every capture route, and no header on images', () => {
    const document = createOpenApiDocument();
    const capture = Object.entries(document.paths).filter(([path]) => path.startsWith('/v1/capture/'));
    const operations = capture.flatMap(([, methods]) => Object.values(methods));
    expect(operations.length).toBeGreaterThanOrEqual(6);
    for (const operation of operations) expect(operation['security']).toEqual([{ CaptureToken: [] }]);
    expect(document.paths['/images/{file}']?.['get']?.['security']).toBeUndefined();
  });

  it('describes a photo with the seven wire fields, in order, all required', () => {
    const photo = createOpenApiDocument().components.schemas['SessionPhoto'] as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(photo.properties)).toEqual(Object.keys(sessionPhotoShape));
    expect(photo.required).toEqual(Object.keys(sessionPhotoShape));
  });

  it('is served at /openapi.json and rendered, self-contained, at /docs', async () => {
    const storage = createSqliteTestStorage();
    const repo = await storage.open();
    const server = await startTestServer(repo);
    try {
      const json = await call(server.baseUrl, 'GET', '/openapi.json');
      expect(json.json).toEqual(createOpenApiDocument());
      const page = await call(server.baseUrl, 'GET', '/docs');
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      for (const route of documentedRoutes()) {
        const [method = '', path = ''] = route.split(' ');
        expect(page.text).toContain(`${method.toUpperCase()}</span> <code>${path}</code>`);
      }
      expect(page.text).toContain('id="schema-SessionPhoto"');
      // a $ref inside a schema links to the schema it names
      expect(page.text).toContain('&quot;<a href="#schema-ListedSession">#/components/schemas/ListedSession</a>&quot;');
      expect(page.text).not.toMatch(/<script|src="http|href="http|@import/);
    } finally {
      await server.close();
      await repo.close();
      await storage.destroy();
    }
  });
});
