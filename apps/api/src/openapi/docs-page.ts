import { exampleOf, parameterExample, type SchemaComponents } from './docs-examples.js';
import { escapeHtml, renderInline, renderMarkdown, slugOf } from './docs-markdown.js';
import { photoCodeTable, startHereMarkdown } from './docs-start-here.js';
import { componentRefOf, type Json, type OpenApiDocument } from './openapi-document.js';

// A self-contained page (no script, no CDN: nothing external can be fetched) rendered from the OpenAPI document:
// "Start here", the photo codes, every route grouped by tag with an example, the webhooks, then every schema.

export { escapeHtml } from './docs-markdown.js';

function field(value: Json | undefined, key: string): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

function entriesOf(value: Json | undefined): [string, Json][] {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
}

function schemaLink(name: string): string {
  return `<a href="#schema-${escapeHtml(name)}"><code>${escapeHtml(name)}</code></a>`;
}

const componentRefPrefix = componentRefOf('');
/** `"$ref": "#/components/schemas/<name>"` as it reads in escaped JSON. */
const escapedRef = new RegExp(`(&quot;\\$ref&quot;: )&quot;${componentRefPrefix}([^&]+)&quot;`, 'g');

/** A JSON value without its `description`s (the page shows them rendered, beside it). */
function withoutDescriptions(value: Json | undefined): Json {
  if (value === undefined) return {};
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, inner]) => !(key === 'description' && typeof inner === 'string'))
      .map(([key, inner]) => [key, withoutDescriptions(inner)]),
  );
}

/** A schema as indented JSON, each `$ref` to a component a link to it. */
function schemaJson(schema: Json | undefined): string {
  const json = escapeHtml(JSON.stringify(withoutDescriptions(schema), null, 2));
  const linked = json.replace(
    escapedRef,
    // `name` comes out of escaped text already
    (_match, key: string, name: string) =>
      `${key}&quot;<a href="#schema-${name}">${componentRefPrefix}${name}</a>&quot;`,
  );
  return `<pre>${linked}</pre>`;
}

/** A short type of a schema: a link for a `$ref`, its values for an enum, `a | b` for alternatives. */
function typeSummary(schema: Json | undefined): string {
  const ref = text(field(schema, '$ref'));
  if (ref !== '') return schemaLink(ref.split('/').at(-1) ?? ref);
  const values = field(schema, 'enum');
  if (Array.isArray(values)) return values.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' ');
  if (field(schema, 'const') !== undefined) return `<code>${escapeHtml(JSON.stringify(field(schema, 'const')))}</code>`;
  const alternatives = field(schema, 'anyOf') ?? field(schema, 'oneOf');
  if (Array.isArray(alternatives)) return alternatives.map(typeSummary).join(' | ');
  const type = field(schema, 'type');
  const types = Array.isArray(type) ? type.map(text).join(' | ') : text(type);
  if (types === 'array') return `array of ${typeSummary(field(schema, 'items'))}`;
  return escapeHtml(types || 'any');
}

function parametersTable(parameters: Json | undefined): string {
  if (!Array.isArray(parameters) || parameters.length === 0) return '';
  const rows = parameters.map(
    (p) =>
      `<tr><td><code>${escapeHtml(text(field(p, 'name')))}</code></td><td>${escapeHtml(text(field(p, 'in')))}</td>` +
      `<td>${field(p, 'required') === true ? 'yes' : 'no'}</td><td>${renderInline(text(field(p, 'description')))}</td>` +
      `<td>${typeSummary(field(p, 'schema'))}</td></tr>`,
  );
  return `<h5>Parameters</h5><table><tr><th>name</th><th>in</th><th>required</th><th>about</th><th>type</th></tr>${rows.join('')}</table>`;
}

function contentBlock(content: Json | undefined): string {
  return entriesOf(content)
    .map(([type, media]) => `<div><code>${escapeHtml(type)}</code> ${typeSummary(field(media, 'schema'))}</div>`)
    .join('');
}

/** True when one of the operation's security requirements names `scheme`. */
function usesScheme(op: Json, scheme: string): boolean {
  const security = field(op, 'security');
  return Array.isArray(security) && security.some((requirement) => field(requirement, scheme) !== undefined);
}

/** The path with each `{param}` replaced by an example value. */
function examplePath(path: string, parameters: Json | undefined, components: SchemaComponents): string {
  const params = Array.isArray(parameters) ? parameters : [];
  return path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const param = params.find((p) => field(p, 'name') === name);
    return encodeURIComponent(String(parameterExample(name, field(param, 'schema'), components)));
  });
}

/** The request, as a shell line: `pave` (Start here) for signed routes, plain `curl` for the others. */
function exampleRequest(path: string, method: string, op: Json, components: SchemaComponents): string {
  const target = examplePath(path, field(op, 'parameters'), components);
  const content = field(field(op, 'requestBody'), 'content');
  const json = field(content, 'application/json');
  const body = json === undefined ? '' : ` '${JSON.stringify(exampleOf(field(json, 'schema'), components))}'`;
  if (usesScheme(op, 'ApiToken')) return `pave ${method.toUpperCase()} ${target}${body}`;
  const parameters = field(op, 'parameters');
  const token =
    usesScheme(op, 'CaptureToken') ||
    (Array.isArray(parameters) && parameters.some((p) => text(field(p, 'name')).toLowerCase() === 'capture-token'));
  const headers = token ? ` -H "Capture-Token: $CAPTURE_TOKEN"` : '';
  const form = field(content, 'multipart/form-data') === undefined ? '' : ' -F image=@photo.jpg';
  const data = body === '' ? '' : ` -H 'Content-Type: application/json' --data${body}`;
  const verb = method === 'get' ? '' : ` -X ${method.toUpperCase()}`;
  return `curl -sS${verb} "$PAVE_BASE_URL${target}"${headers}${form}${data}`;
}

/** The first 2xx answer with a JSON body, as an example. */
function exampleAnswer(op: Json, components: SchemaComponents): string {
  for (const [status, response] of entriesOf(field(op, 'responses'))) {
    const json = field(field(response, 'content'), 'application/json');
    if (!status.startsWith('2') || json === undefined) continue;
    const example = JSON.stringify(exampleOf(field(json, 'schema'), components), null, 2);
    return `<details><summary>Answer ${escapeHtml(status)} (example)</summary><pre>${escapeHtml(example)}</pre></details>`;
  }
  return '';
}

function operationSection(path: string, method: string, op: Json, components: SchemaComponents): string {
  const responseItems = entriesOf(field(op, 'responses')).map(
    ([status, r]) =>
      `<li><b>${escapeHtml(status)}</b> ${renderInline(text(field(r, 'description')))}${contentBlock(field(r, 'content'))}</li>`,
  );
  const body = field(field(op, 'requestBody'), 'content');
  const auth = usesScheme(op, 'ApiToken')
    ? ' <span class="auth">API-Key · API-Token · API-Timestamp</span>'
    : usesScheme(op, 'CaptureToken')
      ? ' <span class="auth">Capture-Token</span>'
      : '';
  return `<section class="op" id="${escapeHtml(text(field(op, 'operationId')))}">
<h4><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code>${auth}</h4>
<p><b>${renderInline(text(field(op, 'summary')))}</b></p>
${renderMarkdown(text(field(op, 'description')))}
${parametersTable(field(op, 'parameters'))}
${body === undefined ? '' : `<h5>Request body</h5>${contentBlock(body)}`}
<h5>Responses</h5><ul>${responseItems.join('')}</ul>
<h5>Example</h5><pre><code>${escapeHtml(exampleRequest(path, method, op, components))}</code></pre>${exampleAnswer(op, components)}</section>`;
}

type Operation = { readonly path: string; readonly method: string; readonly op: Json; readonly tag: string };

function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const tags = field(op, 'tags');
      return { path, method, op, tag: Array.isArray(tags) ? text(tags[0]) : 'Other' };
    }),
  );
}

function byTag(operations: readonly Operation[]): Map<string, Operation[]> {
  const groups = new Map<string, Operation[]>();
  for (const operation of operations) groups.set(operation.tag, [...(groups.get(operation.tag) ?? []), operation]);
  return groups;
}

function webhookSections(document: OpenApiDocument, components: SchemaComponents): string[] {
  return entriesOf(document['webhooks']).map(([event, hook]) => {
    const post = field(hook, 'post');
    const schema = field(field(field(field(post, 'requestBody'), 'content'), 'application/json'), 'schema');
    const example = JSON.stringify(exampleOf(schema, components), null, 2);
    return `<section id="webhook-${slugOf(event)}"><h3><code>${escapeHtml(event)}</code></h3>
<p><b>${renderInline(text(field(post, 'summary')))}</b> ${renderInline(text(field(post, 'description')))} Body: ${typeSummary(schema)}.</p>
<pre>${escapeHtml(example)}</pre></section>`;
  });
}

function propertiesTable(schema: Json): string {
  const properties = entriesOf(field(schema, 'properties'));
  if (properties.length === 0) return '';
  const required = field(schema, 'required');
  const rows = properties.map(
    ([name, property]) =>
      `<tr><td><code>${escapeHtml(name)}</code></td><td>${typeSummary(property)}</td>` +
      `<td>${Array.isArray(required) && required.includes(name) ? 'yes' : 'no'}</td>` +
      `<td>${renderInline(text(field(property, 'description')))}</td></tr>`,
  );
  return `<table><tr><th>field</th><th>type</th><th>always there</th><th>about</th></tr>${rows.join('')}</table>`;
}

function schemaSection(name: string, schema: Json): string {
  return `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>
${renderMarkdown(text(field(schema, 'description')))}${propertiesTable(schema)}
<details><summary>JSON Schema</summary>${schemaJson(schema)}</details></section>`;
}

function contents(groups: Map<string, Operation[]>, webhooks: readonly string[]): string {
  const steps = [...startHereMarkdown.matchAll(/^### (.*)$/gm)].map(
    ([, title = '']) => `<li><a href="#${slugOf(title)}">${renderInline(title.replace(/^\d+\. /, ''))}</a></li>`,
  );
  const tags = [...groups].map(
    ([tag, operations]) =>
      `<li><a href="#tag-${slugOf(tag)}">${escapeHtml(tag)}</a><ul>${operations
        .map(
          ({ op, method, path }) =>
            `<li><a href="#${escapeHtml(text(field(op, 'operationId')))}">${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</a></li>`,
        )
        .join('')}</ul></li>`,
  );
  const hooks = webhooks.length > 0 ? '<li><a href="#webhooks">Webhooks</a></li>' : '';
  return `<nav aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>
<li><a href="#start-here">Start here</a><ol>${steps.join('')}</ol></li>
<li><a href="#photo-codes">Photo codes</a></li>
<li><a href="#routes">Routes</a><ul>${tags.join('')}</ul></li>${hooks}
<li><a href="#schemas">Schemas</a></li></ol></nav>`;
}

const style = `body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1b1f24}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f4f5f7;padding:.6rem;overflow:auto;border-radius:4px}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d4da;padding:.25rem .5rem;vertical-align:top;text-align:left}
.op{border-top:1px solid #d0d4da;margin-top:1.5rem}.method{padding:.1rem .4rem;border-radius:3px;color:#fff;background:#5b6470}
.get{background:#1f6feb}.post{background:#1a7f37}.delete{background:#cf222e}.put{background:#8250df}
.auth{font-size:12px;color:#57606a;font-weight:normal}nav ol,nav ul{margin:.2rem 0}summary{cursor:pointer}`;

/** The human docs page: Start here, photo codes, every route with an example, the webhooks, then every schema. */
export function renderDocsPage(document: OpenApiDocument): string {
  const components: SchemaComponents = document.components.schemas;
  const groups = byTag(operationsOf(document));
  const routes = [...groups].map(
    ([tag, operations]) =>
      `<h3 id="tag-${slugOf(tag)}">${escapeHtml(tag)}</h3>\n${operations
        .map(({ path, method, op }) => operationSection(path, method, op, components))
        .join('\n')}`,
  );
  const webhooks = webhookSections(document, components);
  const schemas = Object.entries(components).map(([name, schema]) => schemaSection(name, schema));
  const info = document['info'];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(text(field(info, 'title')))} — API docs</title><style>${style}</style></head>
<body><main><h1>${escapeHtml(text(field(info, 'title')))} <small>${escapeHtml(text(field(info, 'version')))}</small></h1>
<p>${renderInline(text(field(info, 'description')))} Machine-readable: <a href="/openapi.json">/openapi.json</a>.</p>
${contents(groups, webhooks)}
<h2 id="start-here">Start here</h2>
${renderMarkdown(startHereMarkdown)}
<h2 id="photo-codes">Photo codes</h2>
<p>Each photo has a code on the wire (<code>photo_code</code>) and a label (<code>photo_label</code>); the capture app asks for them in the order of the last column.</p>
${photoCodeTable()}
<h2 id="routes">Routes</h2>
<p>The examples use the <code>pave</code> shell function of <a href="#1-sign-a-request">Start here</a>; capture routes take the link's token as <code>Capture-Token</code> instead.</p>
${routes.join('\n')}
${webhooks.length > 0 ? `<h2 id="webhooks">Webhooks</h2>\n${webhooks.join('\n')}` : ''}
<h2 id="schemas">Schemas</h2>${schemas.join('\n')}
</main></body></html>
`;
}
