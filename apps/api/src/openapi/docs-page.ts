import { componentRefOf, type Json, type OpenApiDocument } from './openapi-document.js';

// A self-contained page (no script, no CDN: nothing external can be fetched) rendered from the OpenAPI document.

const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

function field(value: Json | undefined, key: string): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

function schemaLink(name: string): string {
  return `<a href="#schema-${escapeHtml(name)}"><code>${escapeHtml(name)}</code></a>`;
}

const componentRefPrefix = componentRefOf('');
/** `"$ref": "#/components/schemas/<name>"` as it reads in escaped JSON. */
const escapedRef = new RegExp(`(&quot;\\$ref&quot;: )&quot;${componentRefPrefix}([^&]+)&quot;`, 'g');

/** A schema as indented JSON, each `$ref` to a component a link to it. */
function schemaJson(schema: Json | undefined): string {
  const json = escapeHtml(JSON.stringify(schema ?? {}, null, 2));
  const linked = json.replace(
    escapedRef,
    // `name` comes out of escaped text already
    (_match, key: string, name: string) =>
      `${key}&quot;<a href="#schema-${name}">${componentRefPrefix}${name}</a>&quot;`,
  );
  return `<pre>${linked}</pre>`;
}

function schemaBlock(schema: Json | undefined): string {
  const ref = text(field(schema, '$ref'));
  if (ref !== '') return schemaLink(ref.split('/').at(-1) ?? ref);
  return schemaJson(schema);
}

function parametersTable(parameters: Json | undefined): string {
  if (!Array.isArray(parameters) || parameters.length === 0) return '';
  const rows = parameters.map(
    (p) =>
      `<tr><td><code>${escapeHtml(text(field(p, 'name')))}</code></td><td>${escapeHtml(text(field(p, 'in')))}</td>` +
      `<td>${field(p, 'required') === true ? 'yes' : 'no'}</td><td>${escapeHtml(text(field(p, 'description')))}</td>` +
      `<td>${schemaBlock(field(p, 'schema'))}</td></tr>`,
  );
  return `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>about</th><th>schema</th></tr>${rows.join('')}</table>`;
}

function contentBlock(content: Json | undefined): string {
  if (content === null || typeof content !== 'object' || Array.isArray(content)) return '';
  return Object.entries(content)
    .map(([type, media]) => `<div><code>${escapeHtml(type)}</code> ${schemaBlock(field(media, 'schema'))}</div>`)
    .join('');
}

function operationSection(path: string, method: string, op: Json): string {
  const responses = field(op, 'responses');
  const responseItems =
    responses !== null && typeof responses === 'object' && !Array.isArray(responses)
      ? Object.entries(responses).map(
          ([status, r]) =>
            `<li><b>${escapeHtml(status)}</b> ${escapeHtml(text(field(r, 'description')))}${contentBlock(field(r, 'content'))}</li>`,
        )
      : [];
  const body = field(field(op, 'requestBody'), 'content');
  const security = JSON.stringify(field(op, 'security') ?? null);
  const headers = security.includes('CaptureToken') ? 'Capture-Token' : 'API-Key · API-Token · API-Timestamp';
  const auth = security === 'null' ? '' : ` <span class="auth">${headers}</span>`;
  return `<section class="op" id="${escapeHtml(text(field(op, 'operationId')))}">
<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code>${auth}</h3>
<p><b>${escapeHtml(text(field(op, 'summary')))}</b> ${escapeHtml(text(field(op, 'description')))}</p>
${parametersTable(field(op, 'parameters'))}
${body === undefined ? '' : `<h4>Request body</h4>${contentBlock(body)}`}
<h4>Responses</h4><ul>${responseItems.join('')}</ul></section>`;
}

const style = `body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1b1f24}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f4f5f7;padding:.6rem;overflow:auto;border-radius:4px}
table{border-collapse:collapse}td,th{border:1px solid #d0d4da;padding:.25rem .5rem;vertical-align:top;text-align:left}
.op{border-top:1px solid #d0d4da;margin-top:1.5rem}.method{padding:.1rem .4rem;border-radius:3px;color:#fff;background:#5b6470}
.get{background:#1f6feb}.post{background:#1a7f37}.delete{background:#cf222e}.auth{font-size:12px;color:#6e7781;font-weight:normal}`;

/** The human docs page: every route with its parameters, body and responses, then every schema. */
export function renderDocsPage(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => operationSection(path, method, op)),
  );
  const schemas = Object.entries(document.components.schemas).map(
    ([name, schema]) =>
      `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${schemaJson(schema)}</section>`,
  );
  const info = document['info'];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(text(field(info, 'title')))} — API docs</title><style>${style}</style></head>
<body><h1>${escapeHtml(text(field(info, 'title')))} <small>${escapeHtml(text(field(info, 'version')))}</small></h1>
<p>${escapeHtml(text(field(info, 'description')))} Machine-readable: <a href="/openapi.json">/openapi.json</a>.</p>
<h2>Routes</h2>${operations.join('\n')}
<h2>Schemas</h2>${schemas.join('\n')}
</body></html>
`;
}
