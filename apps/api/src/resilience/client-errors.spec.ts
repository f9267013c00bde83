import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type ServerProcess } from '@pave/client/testing';
import { buildServerBundle, startBundledServer, type ServerBundle } from '../testing/server-process.js';
import { sendRaw } from './raw-request.js';

// What Node's HTTP parser refuses never reaches a route; the server itself (main.ts) must still answer it with
// JSON, like every refusal. http/client-error.spec.ts covers each case; this checks the server is wired with it.

let bundle: ServerBundle;
let dataDir: string;
let server: ServerProcess;
let baseUrl: string;

beforeAll(async () => {
  bundle = await buildServerBundle(`client-errors-${randomBytes(4).toString('hex')}`);
  dataDir = mkdtempSync(join(tmpdir(), 'pave-client-errors-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = await startBundledServer(bundle, {
    PORT: String(port),
    PUBLIC_BASE_URL: baseUrl,
    PAVE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  });
}, 60_000);
afterAll(async () => {
  await server.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  await bundle.remove();
});

describe('the server answering what Node cannot parse', () => {
  it('answers an 18 kB URL with 431 and a JSON message', async () => {
    const answer = await sendRaw(baseUrl, { method: 'GET', path: `/v1/sessions/${'A'.repeat(18_000)}/photos` });

    expect([answer.status, answer.headers['content-type'], JSON.parse(answer.body)]).toEqual([
      431,
      'application/json; charset=utf-8',
      { message: 'Request headers too large.' },
    ]);
  });
});
