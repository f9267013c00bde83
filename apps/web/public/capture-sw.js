// The capture app's service worker (scope /capture/): the app shell and its scripts load offline, and the latest
// capture state of a link is answered from the cache only while the phone has no connection. Uploads are not touched:
// the app keeps each photo (IndexedDB) until the server answered it and sends it again when the connection returns.
//
// Caches are per build: the page registers `/capture-sw.js?build=<id>` with an id of the hashed assets it loaded, so
// a deploy installs a new worker (a new script URL) whose activation deletes every older build's cache.
const cachePrefix = 'pave-capture-';
const build = new URL(self.location.href).searchParams.get('build') || 'dev';
const cacheName = `${cachePrefix}${build}`;
const shellKey = '/capture-shell';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith(cachePrefix) && name !== cacheName).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

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

// The app shell: the network's answer, kept when it is a 200; the kept one only when there is no network at all.
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

// A conditional read may be answered 304, which leaves nothing to keep: the worker asks for the whole state.
function unconditional(request) {
  const headers = new Headers(request.headers);
  headers.delete('If-None-Match');
  return new Request(request, { headers });
}

// The capture state: the server's answer always wins. A 200 is kept as the offline fallback; a refusal (the link is
// unknown, revoked or deleted: 404, or any other 4xx) drops the kept copy, so it is never shown again; a 5xx is passed
// on and the copy kept. Only a request that gets no answer at all (offline) is answered from the cache.
async function stateFromNetwork(request, key) {
  const cache = await caches.open(cacheName);
  let response;
  try {
    response = await fetch(unconditional(request));
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
  if (response.status === 200) await cache.put(key, response.clone());
  else if (response.status >= 400 && response.status < 500) await cache.delete(key);
  return response;
}

// Hashed assets never change under one name: the build's cache answers them first.
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
  else if (url.pathname.startsWith('/v1/capture/')) event.respondWith(stateFromNetwork(request, url.pathname));
});
