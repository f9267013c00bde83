// The capture app's service worker (apps/web/public/capture-sw.js), run here over a fake CacheStorage and a fake
// network: what it answers, what it keeps and what it drops.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const source = readFileSync(join(__dirname, '..', '..', '..', '..', 'public', 'capture-sw.js'), 'utf8');
const origin = 'https://app.test';
const statePath = '/v1/capture/DEM-1';

type Handler = (event: unknown) => void;

/** A Cache keyed by path, as the worker uses it. */
function fakeCache() {
  const entries = new Map<string, Response>();
  const keyOf = (key: RequestInfo) => new URL(typeof key === 'string' ? key : key.url, origin).pathname;
  return {
    entries,
    match: async (key: RequestInfo) => entries.get(keyOf(key))?.clone(),
    put: async (key: RequestInfo, response: Response) => void entries.set(keyOf(key), response),
    delete: async (key: RequestInfo) => entries.delete(keyOf(key)),
    addAll: async () => undefined,
  };
}

/** Loads the worker as registered for `build`, over `caches` and a network answered by `network` (or down). */
function startWorker(build: string, caches: Map<string, ReturnType<typeof fakeCache>>) {
  const handlers = new Map<string, Handler>();
  const network: { answer: ((request: Request) => Response) | null; seen: Request[] } = { answer: null, seen: [] };
  const self = {
    location: new URL(`${origin}/capture-sw.js?build=${build}`),
    addEventListener: (type: string, handler: Handler) => handlers.set(type, handler),
    skipWaiting: () => Promise.resolve(),
    clients: { claim: () => Promise.resolve() },
  };
  const cacheStorage = {
    keys: async () => [...caches.keys()],
    delete: async (name: string) => caches.delete(name),
    open: async (name: string) => {
      const cache = caches.get(name) ?? fakeCache();
      caches.set(name, cache);
      return cache;
    },
  };
  const fetch = async (input: RequestInfo) => {
    const request = typeof input === 'string' ? new Request(new URL(input, origin)) : input;
    network.seen.push(request);
    if (!network.answer) throw new TypeError('Failed to fetch');
    return network.answer(request);
  };
  new Function('self', 'caches', 'fetch', source)(self, cacheStorage, fetch);
  const dispatchFetch = async (path: string, init: RequestInit = {}) => {
    let answered: Promise<Response> | null = null;
    handlers.get('fetch')?.({
      request: new Request(`${origin}${path}`, init),
      respondWith: (p: Promise<Response>) => (answered = p),
    });
    if (!answered) throw new Error(`the worker did not answer ${path}`);
    return answered as Promise<Response>;
  };
  const activate = async () => {
    let done: Promise<unknown> = Promise.resolve();
    handlers.get('activate')?.({ waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  };
  return { network, dispatchFetch, activate };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the capture service worker', () => {
  it('keeps a 200 capture state and answers it only when there is no network; it asks without If-None-Match', async () => {
    const caches = new Map<string, ReturnType<typeof fakeCache>>();
    const worker = startWorker('b1', caches);
    worker.network.answer = () => json(200, { status: 'STARTED' });

    expect((await worker.dispatchFetch(statePath, { headers: { 'If-None-Match': '"v1"' } })).status).toBe(200);
    expect(worker.network.seen[0]?.headers.get('If-None-Match')).toBeNull();
    worker.network.answer = null;

    expect(await (await worker.dispatchFetch(statePath)).json()).toEqual({ status: 'STARTED' });
    expect([...caches.keys()]).toEqual(['pave-capture-b1']);
  });

  it("lets the server's 404 win and forgets the kept state, so an offline reload does not show it again", async () => {
    const caches = new Map<string, ReturnType<typeof fakeCache>>();
    const worker = startWorker('b1', caches);
    worker.network.answer = () => json(200, { status: 'IDLE' });
    await worker.dispatchFetch(statePath);
    worker.network.answer = () => json(404, { message: 'Session DEM-1 cannot be found.', code: 'not_found' });

    expect((await worker.dispatchFetch(statePath)).status).toBe(404);
    expect(caches.get('pave-capture-b1')?.entries.has(statePath)).toBe(false);
    worker.network.answer = null;
    await expect(worker.dispatchFetch(statePath)).rejects.toThrow('Failed to fetch');
  });

  it('passes a 5xx on and keeps the last good state for when the network is gone', async () => {
    const caches = new Map<string, ReturnType<typeof fakeCache>>();
    const worker = startWorker('b1', caches);
    worker.network.answer = () => json(200, { status: 'PROCESS' });
    await worker.dispatchFetch(statePath);
    worker.network.answer = () => json(503, { message: 'busy', code: 'unavailable' });

    expect((await worker.dispatchFetch(statePath)).status).toBe(503);
    expect(caches.get('pave-capture-b1')?.entries.has(statePath)).toBe(true);
  });

  it("keeps assets in its build's cache and, on activation, deletes the caches of older builds only", async () => {
    const caches = new Map<string, ReturnType<typeof fakeCache>>([
      ['pave-capture-old', fakeCache()],
      ['pave-capture-v1', fakeCache()],
      ['someone-else', fakeCache()],
    ]);
    const worker = startWorker('new', caches);
    worker.network.answer = () => new Response('js', { status: 200 });
    await worker.dispatchFetch('/assets/index-Ab12.js');

    await worker.activate();

    expect([...caches.keys()].sort()).toEqual(['pave-capture-new', 'someone-else']);
    expect(caches.get('pave-capture-new')?.entries.has('/assets/index-Ab12.js')).toBe(true);
  });
});
