import { call } from '../testing/http-call.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { useWebAppFixture } from '../testing/test-web-dist.js';

describe('security headers', () => {
  const { repo, dist } = useWebAppFixture();
  let server: TestServer;

  afterEach(() => server.close());

  it.each(['/', '/sessions/ACM-AAAAAAAAAA', '/capture/ACM-AAAAAAAAAA', '/assets/app.js', '/docs', '/nope'])(
    'sends a CSP without inline script, frame-ancestors none and nosniff on the page %s',
    async (path) => {
      server = await startTestServer(repo(), { webDist: dist() });
      const answer = await call(server.baseUrl, 'GET', path);
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it.each(['/v1/sessions', '/v1/sessions/ACM-AAAAAAAAAA/photos', '/v1/capture/ACM-AAAAAAAAAA', '/images/x.jpg'])(
    'sends a CSP that allows nothing, frame-ancestors none and nosniff on the API answer %s',
    async (path) => {
      server = await startTestServer(repo(), { webDist: dist() });
      const answer = await call(server.baseUrl, 'GET', path);
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('sends Referrer-Policy: no-referrer on capture pages and API answers, not on review pages', async () => {
    server = await startTestServer(repo(), { webDist: dist() });
    const policyOf = async (path: string) => (await call(server.baseUrl, 'GET', path)).headers.get('referrer-policy');
    expect(await policyOf('/capture/ACM-AAAAAAAAAA')).toBe('no-referrer');
    expect(await policyOf('/v1/capture/ACM-AAAAAAAAAA')).toBe('no-referrer');
    expect(await policyOf('/')).toBe('strict-origin-when-cross-origin');
  });

  it('sends HSTS when PUBLIC_BASE_URL is https', async () => {
    server = await startTestServer(repo(), { webDist: dist(), publicBaseUrl: 'https://pave.example.com' });
    const answer = await call(server.baseUrl, 'GET', '/');
    expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
