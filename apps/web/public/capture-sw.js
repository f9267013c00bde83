// The capture app's service worker (scope /capture/): the app shell and its scripts load offline, and the latest
// capture state of a link is answered from the cache while the phone has no connection. Uploads are not touched:
// the app keeps each photo (IndexedDB) until the server answered it and sends it again when the connection returns.
const cacheName = 'pave-capture-v1';
const shellKey = '/capture-shell';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// the page names what it loaded (its document and scripts): cached once the worker runs, for the next offline load
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-shell') return;
  event.waitUntil(
    caches.open(cacheName).then(async (cache) => {
      const shell = await fetch(data.shell, { credentials: 'same-origin' });
      if (shell.ok) await cache.put(shellKey, shell);
      await cache.addAll(data.assets.filter((url) => new URL(url, self.location.href).pathname.startsWith('/assets/')));
    }),
  );
});

async function networkFirst(request, key) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.status === 200) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

// a conditional read may be answered 304, which leaves nothing to keep: the worker asks for the whole state
function unconditional(request) {
  const headers = new Headers(request.headers);
  headers.delete('If-None-Match');
  return new Request(request, { headers });
}

async function cacheFirst(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request, shellKey));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (url.pathname.startsWith('/v1/capture/'))
    event.respondWith(networkFirst(unconditional(request), url.pathname));
});
