import { join } from 'node:path';
import { call } from '../testing/http-call.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { testWebApp, useWebAppFixture } from '../testing/test-web-dist.js';

describe('serving the web app', () => {
  const { repo, dist } = useWebAppFixture();

  async function withServer(webDist: string | null, test: (server: TestServer) => Promise<void>): Promise<void> {
    const server = await startTestServer(repo(), { webDist });
    try {
      await test(server);
    } finally {
      await server.close();
    }
  }

  it('serves files and index.html for client-side routes such as /capture/:key', async () => {
    await withServer(dist(), async (server) => {
      expect((await call(server.baseUrl, 'GET', '/')).text).toBe(testWebApp.indexHtml);
      expect((await call(server.baseUrl, 'GET', '/capture/ACM-AAAAAAAAAA')).text).toContain('web app');
      const script = await call(server.baseUrl, 'GET', '/assets/app.js');
      expect([script.status, script.text]).toEqual([200, testWebApp.script]);
    });
  });

  it('never answers API paths with the web app', async () => {
    await withServer(dist(), async (server) => {
      const answer = await call(server.baseUrl, 'GET', '/v1/unknown');
      expect([answer.status, answer.json]).toEqual([404, { message: 'No such route.', code: 'not_found' }]);
      expect((await call(server.baseUrl, 'POST', '/capture/ACM-AAAAAAAAAA')).status).toBe(404);
    });
  });

  it('says the web app is not built when its folder is missing', async () => {
    await withServer(join(dist(), 'missing'), async (server) => {
      const answer = await call(server.baseUrl, 'GET', '/');
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('The web app is not built');
    });
  });
});
