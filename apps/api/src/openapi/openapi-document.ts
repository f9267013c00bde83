import {
  authHeaderNames,
  captureTokenHeader,
  csrfHeaderName,
  sessionCookieName,
  tokenFreshnessSeconds,
  tokenFutureSkewSeconds,
} from '@pave/domain';
import { z } from 'zod';
import type { ResponseDoc, RouteDoc } from './route-doc.js';

/** A JSON value (the OpenAPI document is plain JSON). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The OpenAPI 3.1 document of the API. */
export type OpenApiDocument = JsonObject & {
  openapi: '3.1.0';
  paths: Record<string, Record<string, JsonObject>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
};

/** Named schemas: each becomes `#/components/schemas/<name>` and is referenced wherever it is used. */
export type NamedSchemas = Readonly<Record<string, z.core.$ZodType>>;

type Io = 'input' | 'output';

const securitySchemes = {
  ApiKey: { type: 'apiKey', in: 'header', name: authHeaderNames.apiKey, description: "The account's API key." },
  ApiToken: {
    type: 'apiKey',
    in: 'header',
    name: authHeaderNames.token,
    description: 'Lowercase hex HMAC-SHA256, keyed with the API secret, of `<username>:<api_key>@<timestamp>`.',
  },
  ApiTimestamp: {
    type: 'apiKey',
    in: 'header',
    name: authHeaderNames.timestamp,
    description: `The signed timestamp as sent: \`2021-05-30T12:49:19Z\`, Unix seconds or RFC 1123; at most ${tokenFreshnessSeconds} s behind and ${tokenFutureSkewSeconds} s ahead of the server clock.`,
  },
  CaptureToken: {
    type: 'apiKey',
    in: 'header',
    name: captureTokenHeader,
    description:
      "The capture link's token: the fragment of `capture_url` (`…/capture/<session_key>#<token>`). Missing or wrong, the route answers the same 404 as an unknown session.",
  },
  SessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName,
    description:
      'A signed-in person (the review app): the cookie `POST /v1/auth/login` sets, plus the header ' +
      `\`${csrfHeaderName}\` (from the sign-in answer) on every request that changes something. What a person may do ` +
      'depends on their role: `viewer` reads, `reviewer` also changes sessions and adds notes, `admin` also manages ' +
      'people, API keys and callbacks (a `403` otherwise).',
  },
} satisfies Record<string, Json>;

/** Where a named schema lives in the document. */
export function componentRefOf(name: string): string {
  return `#/components/schemas/${name}`;
}

/** The generated JSON as plain JSON, without the keywords the document states once (`$schema`) or not at all. */
function plainJson(generated: object): JsonObject {
  const { $schema: _dialect, $id: _id, ...rest } = JSON.parse(JSON.stringify(generated)) as JsonObject;
  return rest;
}

function jsonSchemaOf(schema: z.core.$ZodType, io: Io): JsonObject {
  return plainJson(z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }));
}

/**
 * Converts every named schema in one pass over a zod registry, so that a named schema used inside another is a
 * `$ref` to its own component rather than a copy.
 */
function namedJsonSchemas(named: NamedSchemas, io: Io): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) {
    if (registry.has(schema)) throw new Error(`invariant: ${id} is the same schema as ${registry.get(schema)?.id}`);
    registry.add(schema, { id });
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    uri: componentRefOf,
  });
  // zod collects schemas that are neither named nor inlinable (a cycle through an unnamed one) under `__shared`
  if ('__shared' in schemas) throw new Error('invariant: every recursive schema of the document is named');
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, plainJson(schema)]));
}

/** Converts schemas, referring to named ones by `$ref`. */
function createSchemaRefs(named: NamedSchemas) {
  const names = new Map<z.core.$ZodType, string>(Object.entries(named).map(([name, schema]) => [schema, name]));
  return (schema: z.core.$ZodType, io: Io): JsonObject => {
    const name = names.get(schema);
    return name ? { $ref: componentRefOf(name) } : jsonSchemaOf(schema, io);
  };
}

type SchemaRef = ReturnType<typeof createSchemaRefs>;

function parametersOf(route: RouteDoc, ref: SchemaRef): Json[] {
  const inPath = Object.entries(route.pathParams ?? {}).map(([name, param]) => ({
    name,
    in: 'path',
    required: true,
    description: param.description,
    schema: ref(param.schema, 'input'),
  }));
  const query = route.query ? jsonSchemaOf(route.query, 'input') : {};
  const properties = (query['properties'] ?? {}) as JsonObject;
  const required = new Set((query['required'] ?? []) as string[]);
  const inQuery = Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema,
  }));
  return [...inPath, ...inQuery];
}

function contentOf(response: ResponseDoc, ref: SchemaRef): JsonObject | null {
  if (response.schema)
    return { [response.contentType ?? 'application/json']: { schema: ref(response.schema, 'output') } };
  return response.contentType ? { [response.contentType]: { schema: { type: 'string' } } } : null;
}

function responsesOf(route: RouteDoc, ref: SchemaRef): JsonObject {
  return Object.fromEntries(
    Object.entries(route.responses).map(([status, response]) => {
      const content = contentOf(response, ref);
      return [status, content ? { description: response.description, content } : { description: response.description }];
    }),
  );
}

function operationOf(route: RouteDoc, ref: SchemaRef): JsonObject {
  const operation: JsonObject = {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    parameters: parametersOf(route, ref),
    responses: responsesOf(route, ref),
  };
  if (route.description !== undefined) operation['description'] = route.description;
  if (route.auth === true)
    operation['security'] = [{ ApiKey: [], ApiToken: [], ApiTimestamp: [] }, { SessionCookie: [] }];
  if (route.auth === 'capture-token') operation['security'] = [{ CaptureToken: [] }];
  if (route.body) {
    operation['requestBody'] = {
      required: false,
      content: { [route.body.contentType]: { schema: ref(route.body.schema, 'input') } },
    };
  }
  return operation;
}

/** The OpenAPI path of an Express template: `/v1/sessions/:session_key` → `/v1/sessions/{session_key}`. */
export function openApiPathOf(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** The named schemas as request bodies read them (input) or as answers write them (output). */
function componentsOf(routes: readonly RouteDoc[], named: NamedSchemas): Record<string, Json> {
  const inputs = new Set<z.core.$ZodType>(routes.flatMap((route) => (route.body ? [route.body.schema] : [])));
  const converted = { input: namedJsonSchemas(named, 'input'), output: namedJsonSchemas(named, 'output') };
  return Object.fromEntries(
    Object.entries(named).map(([name, schema]) => {
      const json = converted[inputs.has(schema) ? 'input' : 'output'][name];
      if (!json) throw new Error(`invariant: zod converted the named schema ${name}`);
      return [name, json];
    }),
  );
}

/** One webhook (an event a callback delivers): OpenAPI 3.1's `webhooks`, keyed by the event's name. */
export type WebhookDoc = { readonly event: string; readonly summary: string; readonly schema: z.core.$ZodType };

const webhookHeaderParameters: Json[] = (
  [
    ['webhook-id', "The event's id: the same on every retry (deduplicate on it)."],
    ['webhook-timestamp', 'When this try was signed, Unix seconds.'],
    ['webhook-signature', 'Space-separated `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` entries.'],
  ] as const
).map(([name, description]) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } }));

function webhooksOf(webhooks: readonly WebhookDoc[], ref: SchemaRef): JsonObject {
  return Object.fromEntries(
    webhooks.map((hook) => [
      hook.event,
      {
        post: {
          summary: hook.summary,
          description:
            'Signed per Standard Webhooks; the callback may use PUT instead. Any 2xx within 10 s acknowledges.',
          parameters: webhookHeaderParameters,
          requestBody: { required: true, content: { 'application/json': { schema: ref(hook.schema, 'output') } } },
          responses: { '2XX': { description: 'Delivered; anything else (or no answer in 10 s) is retried.' } },
        },
      },
    ]),
  );
}

/** Generates the OpenAPI 3.1 document from the routes' docs and the domain's zod schemas (never written by hand). */
export function buildOpenApiDocument(options: {
  readonly title: string;
  readonly version: string;
  readonly routes: readonly RouteDoc[];
  readonly schemas: NamedSchemas;
  readonly webhooks?: readonly WebhookDoc[];
}): OpenApiDocument {
  const ref = createSchemaRefs(options.schemas);
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of options.routes) {
    const path = openApiPathOf(route.path);
    paths[path] = { ...paths[path], [route.method]: operationOf(route, ref) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: options.title,
      version: options.version,
      description:
        'PAVE-compatible Sessions API. Refinements of the schemas (cross-field rules) are not expressible here.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    ...(options.webhooks ? { webhooks: webhooksOf(options.webhooks, ref) } : {}),
    components: { schemas: componentsOf(options.routes, options.schemas), securitySchemes },
  };
}
