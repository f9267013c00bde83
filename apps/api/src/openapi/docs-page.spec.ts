import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createOpenApiDocument, namedSchemas } from '../app.js';
import type { Repository } from '../storage/repository.js';
import { createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { createSqliteTestStorage, type TestStorage } from '../testing/test-storage.js';
import { exampleOf } from './docs-examples.js';
import { renderMarkdown } from './docs-markdown.js';
import { renderDocsPage } from './docs-page.js';
import { javascriptRecipe, shellRecipe } from './docs-start-here.js';
import type { Json } from './openapi-document.js';

const document = createOpenApiDocument();
const page = renderDocsPage(document);
const components = document.components.schemas;

/** The page's text outside `<pre>` blocks (code is shown as written there). */
const prose = page.replace(/<pre>[\s\S]*?<\/pre>/g, '');

function field(value: Json | undefined, key: string): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
}

/** Each operation's JSON request body schema name, and its first 2xx JSON answer's, where they are named. */
function namedBodies(): { operation: string; io: 'input' | 'output'; name: string }[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, op]) => {
      const operation = `${method} ${path}`;
      const nameOf = (schema: Json | undefined) =>
        String(field(schema, '$ref') ?? '')
          .split('/')
          .at(-1) ?? '';
      const body = nameOf(field(field(field(field(op, 'requestBody'), 'content'), 'application/json'), 'schema'));
      const ok = Object.entries(field(op, 'responses') ?? {}).find(([status]) => status.startsWith('2'))?.[1];
      const answer = nameOf(field(field(field(ok, 'content'), 'application/json'), 'schema'));
      return [
        ...(body ? [{ operation, io: 'input' as const, name: body }] : []),
        ...(answer ? [{ operation, io: 'output' as const, name: answer }] : []),
      ];
    }),
  );
}

describe('the /docs page', () => {
  it('opens with contents, Start here in five steps and the photo-code table', () => {
    expect(page).toContain('<h2 id="contents">Contents</h2>');
    for (const step of ['1-sign-a-request', '2-create-a-session', '3-send-the-link', '4-follow-the-capture']) {
      expect(page).toContain(`<a href="#${step}">`);
      expect(page).toContain(`id="${step}"`);
    }
    expect(page).toContain('<tr><td>10</td><td><code>Front_Left</code></td><td>5</td></tr>');
    expect(page).toContain('<tr><td>1</td><td><code>VIN</code></td><td>1</td></tr>');
  });

  it('renders Markdown: no literal backtick outside code blocks', () => {
    expect(prose).not.toContain('`');
    expect(prose).toContain('<code>Last-Event-ID</code>');
  });

  it('shows an example of every operation', () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.keys(methods));
    expect(page.match(/<h5>Example<\/h5>/g)).toHaveLength(operations.length);
    expect(page).toContain('pave GET /v1/sessions/ACM-4Q7ZK2M9TX/photos');
  });

  it.each(namedBodies())('has an example of $operation ($io, $name) that its schema accepts', ({ name }) => {
    const schema = namedSchemas[name];
    if (!schema) throw new Error(`no named schema ${name}`);
    const example = exampleOf(components[name], components);
    const parsed = z.safeParse(schema, example);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('stays self-contained: no script, nothing fetched from elsewhere', () => {
    expect(page).not.toMatch(/<script|src="http|href="http|@import/);
  });
});

describe('renderMarkdown', () => {
  it('renders paragraphs, lists, fenced code and inline code, bold and page links, escaping the rest', () => {
    const html = renderMarkdown('A `x<y` and **b** [here](#h).\n\n- one\n- two\n\n```sh\necho "<hi>"\n```');
    expect(html).toBe(
      '<p>A <code>x&lt;y</code> and <b>b</b> <a href="#h">here</a>.</p>\n<ul><li>one</li><li>two</li></ul>\n' +
        '<pre><code class="language-sh">echo &quot;&lt;hi&gt;&quot;</code></pre>',
    );
  });

  it('never makes a link out of an address elsewhere', () => {
    expect(renderMarkdown('[x](https://cdn.example/a.js)')).toBe('<p>[x](https://cdn.example/a.js)</p>');
  });
});

describe('the signing recipes of Start here, run as written', () => {
  let storage: TestStorage;
  let repo: Repository;
  let server: TestServer;
  let account: TestCredentials;
  let folder: string;

  beforeAll(async () => {
    storage = createSqliteTestStorage();
    repo = await storage.open();
    server = await startTestServer(repo);
    account = (await createTestAccount(repo, 'recipes')).credentials;
    folder = mkdtempSync(join(tmpdir(), 'pave-recipes-'));
  });
  afterAll(async () => {
    await server.close();
    await repo.close();
    await storage.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  const env = () => ({
    PATH: process.env['PATH'] ?? '',
    PAVE_BASE_URL: server.baseUrl,
    PAVE_USERNAME: account.username,
    PAVE_API_KEY: account.apiKey,
    PAVE_API_SECRET: account.apiSecret,
  });
  const run = (file: string, args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      // stdout only: a shell's own start-up files may write to stderr
      execFile(file, args, { env: env(), timeout: 30_000 }, (error, stdout) =>
        resolve({ code: error ? 1 : 0, out: stdout }),
      );
    });
  const hasTools = ['bash', 'openssl', 'curl'].every(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0,
  );

  (hasTools ? it : it.skip)('the shell recipe creates a session (needs bash, openssl and curl)', async () => {
    // the recipe's first line sets example credentials: the test's environment takes their place
    const script = shellRecipe.split('\n').slice(1).join('\n');
    const { code, out } = await run('bash', [
      '-c',
      `${script}\npave POST /v1/sessions '{"vehicle":{"vin":"1HGCM82633A004352"}}'`,
    ]);
    expect([code, JSON.parse(out) as unknown]).toEqual([0, expect.objectContaining({ status: 'IDLE' })]);
  });

  it('the JavaScript recipe creates a session and reads its photos', async () => {
    const file = join(folder, 'recipe.mjs');
    writeFileSync(
      file,
      `${javascriptRecipe}\nconst session = await pave('POST', '/v1/sessions', {});\n` +
        `console.log(JSON.stringify([session.status, await pave('GET', \`/v1/sessions/\${session.session_key}/photos\`)]));\n`,
    );
    const { code, out } = await run(process.execPath, [file]);
    expect([code, JSON.parse(out) as unknown]).toEqual([0, ['IDLE', []]]);
  });
});
