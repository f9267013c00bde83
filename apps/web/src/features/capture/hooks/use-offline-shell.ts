import { useEffect } from 'react';

/** Where the capture app's service worker is served (apps/web/public), and what it controls. */
const workerUrl = '/capture-sw.js';
const workerScope = '/capture/';

/**
 * Registers the capture app's service worker and hands it what this page loaded (the document and its scripts),
 * so the next load works offline. Where service workers are not available, the app works as before, online only.
 */
export function useOfflineShell(): void {
  useEffect(() => {
    const workers = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!workers) return;
    workers
      .register(workerUrl, { scope: workerScope })
      .then(() => workers.ready)
      .then((registration) => {
        const assets = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => new URL(name).pathname.startsWith('/assets/'));
        registration.active?.postMessage({ type: 'cache-shell', shell: window.location.pathname, assets });
      })
      .catch(() => undefined);
  }, []);
}
