import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Repository } from '../storage/repository.js';
import { call } from '../testing/http-call.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { createSqliteTestStorage, type TestStorage } from '../testing/test-storage.js';

describe('serving the web app', () => {
  let storage: TestStorage;
  let repo: Repository;
  let dist: string;

  beforeEach(async () => {
    storage = createSqliteTestStorage();
    repo = await storage.open();
    dist = mkdtempSync(join(tmpdir(), 'pave-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>web app</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  });
  afterEach(async () => {
    await repo.close();
    await storage.destroy();
    rmSync(dist, { recursive: true, force: true });
  });

  async function withServer(webDist: string | null, test: (server: TestServer) => Promise<void>): Promise<void> {
    const server = await startTestServer(repo, { webDist });
    try {
      await test(server);
    } finally {
      await server.close();
    }
  }

  it('serves files and index.html for client-side routes such as /capture/:key', async () => {
    await withServer(dist, async (server) => {
      expect((await call(server.baseUrl, 'GET', '/')).text).toBe('<!doctype html><title>web app</title>');
      expect((await call(server.baseUrl, 'GET', '/capture/ACM-AAAAAAAAAA')).text).toContain('web app');
      const script = await call(server.baseUrl, 'GET', '/assets/app.js');
      expect([script.status, script.text]).toEqual([200, 'console.log(1)']);
    });
  });

  it('never answers API paths with the web app', async () => {
    await withServer(dist, async (server) => {
      const answer = await call(server.baseUrl, 'GET', '/v1/unknown');
      expect([answer.status, answer.json]).toEqual([404, { message: 'No such route.', code: 'not_found' }]);
      expect((await call(server.baseUrl, 'POST', '/capture/ACM-AAAAAAAAAA')).status).toBe(404);
    });
  });

  it('says the web app is not built when its folder is missing', async () => {
    await withServer(join(dist, 'missing'), async (server) => {
      const answer = await call(server.baseUrl, 'GET', '/');
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('The web app is not built');
    });
  });
});
