import { createBrowserClientFactories } from './create-clients.js';

function recordingFetch(sent: Request[]): typeof fetch {
  return (input, init) => {
    sent.push(new Request(input, init));
    return Promise.resolve(
      new Response(JSON.stringify({ sessions: [], next_cursor: null }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
}

describe('createBrowserClientFactories', () => {
  it('calls the API at the page origin with the session’s CSRF token and no API key or signature', async () => {
    const sent: Request[] = [];
    const factories = createBrowserClientFactories({
      env: { apiBaseUrl: 'http://pave.test' },
      fetch: recordingFetch(sent),
    });

    await factories.createPeopleClient(() => 'csrf-123').sessions.list({ limit: 1 });

    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('http://pave.test/v1/sessions?limit=1');
    expect(sent[0]?.headers.get('X-CSRF-Token')).toBe('csrf-123');
    expect(sent[0]?.headers.get('API-Key')).toBeNull();
    expect(sent[0]?.headers.get('API-Token')).toBeNull();
  });

  it('gives capture links the page origin and a minute per attempt, and no capture client of its own', () => {
    const fetch = recordingFetch([]);
    const factories = createBrowserClientFactories({ env: { apiBaseUrl: 'http://pave.test' }, fetch });

    expect(factories.capture).toEqual({ apiBaseUrl: 'http://pave.test', timeoutMs: 60_000, fetch });
    expect(Object.keys(factories).sort()).toEqual(['capture', 'createPeopleClient']);
  });
});
