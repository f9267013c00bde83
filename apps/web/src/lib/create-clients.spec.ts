import { createBrowserClientFactories } from './create-clients.js';

const credentials = { username: 'demo', apiKey: 'key-123', apiSecret: 'the-secret-value' };

function recordingFetch(sent: string[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const headers = [...request.headers.entries()].map(([name, value]) => `${name}: ${value}`);
    sent.push([request.method, request.url, ...headers, await request.text()].join('\n'));
    return new Response(JSON.stringify({ sessions: [], next_cursor: null }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
}

describe('createBrowserClientFactories', () => {
  it('signs review requests against the page origin without ever sending the secret', async () => {
    const sent: string[] = [];
    const storage = {
      getItem: () => null,
      setItem: () => undefined,
      removeItem: () => undefined,
    } as unknown as Storage;
    const factories = createBrowserClientFactories({
      env: { apiBaseUrl: 'http://pave.test' },
      storage,
      fetch: recordingFetch(sent),
    });

    await factories.createReviewClient(credentials).sessions.list({ limit: 1 });

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^GET\nhttp:\/\/pave\.test\/v1\/sessions\?limit=1\n/);
    expect(sent[0]).toMatch(/api-key: key-123/);
    expect(sent[0]).toMatch(/api-token: [0-9a-f]{64}/);
    expect(sent[0]).not.toContain(credentials.apiSecret);
  });
});
