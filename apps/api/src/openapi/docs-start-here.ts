import { authHeaderNames, captureOrder, photoLabelOf, tokenFreshnessSeconds } from '@pave/domain';
import { escapeHtml } from './docs-markdown.js';

// The "Start here" of /docs: an integrator's first hour, in order. The two signing recipes are run as written by
// docs-start-here.spec.ts against a real server, so what people copy works.

const { apiKey, token, timestamp } = authHeaderNames;

/** Signing in a shell (bash, openssl, curl): a `pave METHOD PATH [JSON]` function. */
export const shellRecipe = `export PAVE_BASE_URL=http://localhost:3000 PAVE_USERNAME=demo PAVE_API_KEY=… PAVE_API_SECRET=…

# pave METHOD PATH [JSON-BODY]: one signed request; prints the answer
pave() {
  local ts sig
  ts=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  sig=$(printf '%s' "$PAVE_USERNAME:$PAVE_API_KEY@$ts" | openssl dgst -sha256 -hmac "$PAVE_API_SECRET" | sed 's/^.*= //')
  curl -sS -X "$1" "$PAVE_BASE_URL$2" -H "${apiKey}: $PAVE_API_KEY" -H "${timestamp}: $ts" -H "${token}: $sig" \\
    -H 'Content-Type: application/json' \${3:+--data "$3"}
}`;

/** Signing in JavaScript (Node 20 or later, an ES module): a `pave(method, path, body)` function. */
export const javascriptRecipe = `import { createHmac } from 'node:crypto';

const { PAVE_BASE_URL, PAVE_USERNAME, PAVE_API_KEY, PAVE_API_SECRET } = process.env;

/** One signed request; the answer's JSON (an Error with the server's message when it is not a 2xx). */
export async function pave(method, path, body) {
  const timestamp = new Date().toISOString().replace(/\\.\\d{3}Z$/, 'Z');
  const token = createHmac('sha256', PAVE_API_SECRET)
    .update(\`\${PAVE_USERNAME}:\${PAVE_API_KEY}@\${timestamp}\`)
    .digest('hex');
  const response = await fetch(\`\${PAVE_BASE_URL}\${path}\`, {
    method,
    headers: {
      '${apiKey}': PAVE_API_KEY,
      '${timestamp}': timestamp,
      '${token}': token,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(\`\${method} \${path}: \${response.status} \${answer.message}\`);
  return answer;
}`;

/** The steps, in Markdown (docs-markdown.ts renders it). */
export const startHereMarkdown = `### 1. Sign a request

Every \`/v1/…\` request carries three headers: \`${apiKey}\` (your API key), \`${timestamp}\` (now, in UTC, such as \`2026-03-01T10:00:00Z\`) and \`${token}\`: the lowercase hex HMAC-SHA256, keyed with your API secret, of \`<username>:<api_key>@<timestamp>\`, the timestamp exactly as sent. A timestamp more than ${tokenFreshnessSeconds} s old is refused, so sign each request afresh. The API secret itself is never sent.

In a shell (bash with \`openssl\` and \`curl\`):

\`\`\`sh
${shellRecipe}
\`\`\`

In JavaScript (Node 20 or later; in TypeScript, \`@pave/client\` does all of this and types the answers):

\`\`\`js
${javascriptRecipe}
\`\`\`

### 2. Create a session

One session is one vehicle inspection. Every part of the body is optional; PAVE's nested body (\`session\`, \`vehicle\`, \`sms\`) is accepted as is.

\`\`\`sh
pave POST /v1/sessions '{"vehicle":{"vin":"1HGCM82633A004352","year":"2019","make":"Honda","model":"Accord"}}'
\`\`\`

The answer is the session: keep its \`session_key\`; its \`capture_url\` is the link for the driver.

### 3. Send the link

Send \`capture_url\` to the driver (SMS, e-mail, a QR code): it opens the capture app on a phone, which asks for each photo in turn and checks it on the spot. The part after \`#\` is the link's capture token: whoever has the link can capture, so send it to the driver only. Opening the link does not start the session; the first photo or typed value does.

### 4. Follow the capture

Poll, cheaply: \`GET /v1/sessions/{session_key}/photos\` answers with an \`ETag\`; send it back as \`If-None-Match\` and an unchanged session answers \`304\` with no body.

\`\`\`sh
pave GET /v1/sessions/ACM-4Q7ZK2M9TX/photos
\`\`\`

Or subscribe: \`GET /v1/sessions/{session_key}/events\` is a stream of server-sent events (each photo's verdict, status changes, completion, notes) that ends when the session does; \`GET /v1/events\` streams every session of the account. Or register a callback (\`POST /v1/callbacks\`) and receive each event as a signed webhook, retried until your server answers 2xx (see [Webhooks](#webhooks)).

### 5. Read the photos

\`GET /v1/sessions/{session_key}/photos\` lists every attempt in capture order: its \`photo_code\`, whether it was \`approved\` (and why not), and the \`url\` of the image. \`GET /v1/sessions/{session_key}/photos.zip\` downloads them all at once. Once the session is \`COMPLETE\`, \`GET /v1/sessions/{session_key}/results\` gives the results document. The [photo codes](#photo-codes) say which view each code is.`;

/** The photo-code table: each code, its label on the wire, and its step in the capture order. */
export function photoCodeTable(): string {
  const rows = [...captureOrder]
    .sort((a, b) => a - b)
    .map(
      (code) =>
        `<tr><td>${code}</td><td><code>${escapeHtml(photoLabelOf(code))}</code></td>` +
        `<td>${captureOrder.indexOf(code) + 1}</td></tr>`,
    );
  return `<table><tr><th>photo_code</th><th>label</th><th>step in the capture</th></tr>${rows.join('')}</table>`;
}
