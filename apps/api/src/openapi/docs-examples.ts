import { captureOrder, photoLabelOf } from '@pave/domain';
import type { Json } from './openapi-document.js';

// Example values for the docs page, made from the JSON Schemas of the OpenAPI document: each operation's request
// body and answer. A few property names get realistic values (a JSON Schema pattern cannot be sampled in general);
// openapi-document.spec.ts parses the examples with the zod schemas they stand for, so they cannot drift.

type JsonObject = { readonly [key: string]: Json };

const firstCode = captureOrder[3];
const byName: Readonly<Record<string, Json>> = {
  session_key: 'ACM-4Q7ZK2M9TX',
  vin: '1HGCM82633A004352',
  photo_code: firstCode,
  photo_label: photoLabelOf(firstCode),
  year: 2019,
  make: 'Honda',
  model: 'Accord',
  body_type: 'Sedan',
  trim: 'EX',
  transmission: 'Automatic',
  ext_col: 'White',
  int_col: 'Black',
  first_name: 'Ada',
  last_name: 'Lovelace',
  to_name: 'Ada',
  from: 'Dealer',
  by: 'Dealer name',
  odom_reading: 100945,
  to: '+15550100',
  language: 'EN',
  theme: 'PRO',
  client_id: 'ORDER-42',
  url: 'https://pave.example.com/images/4f/4f2a9c3e1b7d4a6f8e0c2b5a9d7e1f3c.jpg',
  photo_url: 'https://pave.example.com/images/4f/4f2a9c3e1b7d4a6f8e0c2b5a9d7e1f3c.jpg',
  capture_url: 'https://pave.example.com/capture/ACM-4Q7ZK2M9TX#k3Vt9-R2pLq0XyZ8aB4cD6eF',
  redirect_url: 'https://dealer.example/thank-you',
  value: '1HGCM82633A004352',
  note: 'Front bumper scratched on arrival.',
  reason: 'Wrong vehicle',
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  approved: true,
  approved_message: 'ACCEPTED',
  email: 'reviewer@dealer.example',
  password: 'correct horse battery',
};

/** Wire timestamps (`…_at`) are PAVE's `2021-05-27T07:36:16+00:00`. */
const timestampExample = '2026-03-01T10:00:00+00:00';

/** The realistic value of a field named `name`, unless the schema's own values leave it out. */
function namedExample(name: string, schema: Json | undefined): Json | undefined {
  const values = isObject(schema) ? schema['enum'] : undefined;
  const hint =
    name in byName ? (byName[name] ?? null) : name === 'at' || name.endsWith('_at') ? timestampExample : undefined;
  if (hint === undefined || (Array.isArray(values) && !values.includes(hint))) return undefined;
  return hint;
}

/** True when `null` is one of the schema's values: a field with no value yet (the example shows it so). */
function allowsNull(schema: JsonObject): boolean {
  const type = schema['type'];
  const alternatives = schema['anyOf'] ?? schema['oneOf'];
  return (
    type === 'null' ||
    (Array.isArray(type) && type.includes('null')) ||
    (Array.isArray(alternatives) && alternatives.some((a) => isObject(a) && a['type'] === 'null'))
  );
}

const byFormat: Readonly<Record<string, Json>> = {
  'date-time': '2026-03-01T10:00:00+00:00',
  uri: 'https://dealer.example/hooks/pave',
  email: 'reviewer@dealer.example',
};

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** The schemas a `$ref` may name (`components.schemas`). */
export type SchemaComponents = Readonly<Record<string, Json>>;

function typeOf(schema: JsonObject): string | undefined {
  const type = schema['type'];
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  return typeof type === 'string' ? type : undefined;
}

function objectExample(schema: JsonObject, components: SchemaComponents, depth: number): Json {
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  return Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [
      name,
      namedExample(name, property) ?? exampleOf(property, components, depth + 1),
    ]),
  );
}

function alternativeOf(schema: JsonObject): Json | undefined {
  const alternatives = schema['anyOf'] ?? schema['oneOf'];
  if (!Array.isArray(alternatives)) return undefined;
  return alternatives.find((a) => !(isObject(a) && a['type'] === 'null')) ?? alternatives[0];
}

function scalarExample(schema: JsonObject, type: string | undefined): Json {
  switch (type) {
    case 'string': {
      const format = schema['format'];
      return typeof format === 'string' ? (byFormat[format] ?? 'text') : 'text';
    }
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/** A plausible value of `schema` (JSON Schema, `$ref`s resolved in `components`). */
export function exampleOf(schema: Json | undefined, components: SchemaComponents, depth = 0): Json {
  if (!isObject(schema) || depth > 8) return null;
  const ref = schema['$ref'];
  if (typeof ref === 'string') return exampleOf(components[ref.split('/').at(-1) ?? ''], components, depth + 1);
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0] ?? null;
  if ('const' in schema) return schema['const'] ?? null;
  if (Array.isArray(schema['enum'])) return schema['enum'][0] ?? null;
  if (allowsNull(schema)) return null;
  const alternative = alternativeOf(schema);
  if (alternative !== undefined) return exampleOf(alternative, components, depth + 1);
  if (Array.isArray(schema['allOf'])) return exampleOf(schema['allOf'][0], components, depth + 1);
  const type = typeOf(schema);
  if (type === 'object' || isObject(schema['properties'])) return objectExample(schema, components, depth);
  if (type === 'array') return [exampleOf(schema['items'], components, depth + 1)];
  return scalarExample(schema, type);
}

/** An example value of a path parameter named `name`. */
export function parameterExample(name: string, schema: Json | undefined, components: SchemaComponents): Json {
  return namedExample(name, schema) ?? exampleOf(schema, components);
}
