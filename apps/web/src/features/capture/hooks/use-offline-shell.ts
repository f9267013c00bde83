import { useEffect } from 'react';

/** Where the capture app's service worker is served (apps/web/public), and what it controls. */
const workerUrl = '/capture-sw.js';
const workerScope = '/capture/';

/** Resolves once a service worker controls the page (at once when one already does). */
function controlled(workers: ServiceWorkerContainer): Promise<void> {
  if (workers.controller) return Promise.resolve();
  return new Promise((resolve) => workers.addEventListener('controllerchange', () => resolve(), { once: true }));
}

/**
 * Registers the capture app's service worker and hands it what this page loaded (the document and its scripts),
 * so the next load works offline; `onControlled` runs once the worker controls the page (read the state again, so
 * the worker keeps it). Where service workers are not available, the app works as before, online only. Nothing is
 * registered while `enabled` is false (a reviewer's preview).
 */
export function useOfflineShell(onControlled: () => void, enabled: boolean): void {
  useEffect(() => {
    const workers = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!workers || !enabled) return;
    workers
      .register(workerUrl, { scope: workerScope })
      .then(() => workers.ready)
      .then((registration) => {
        const assets = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => new URL(name).pathname.startsWith('/assets/'));
        registration.active?.postMessage({ type: 'cache-shell', shell: window.location.pathname, assets });
        return controlled(workers);
      })
      .then(onControlled)
      .catch(() => undefined);
    // once per page load
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
