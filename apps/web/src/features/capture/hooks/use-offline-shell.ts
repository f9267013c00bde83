import { useEffect } from 'react';
import { buildIdOf, documentAssetUrls } from '../utils/build-id.js';

/** Where the capture app's service worker is served (apps/web/public), and what it controls. */
const workerPath = '/capture-sw.js';
const workerScope = '/capture/';

/** Resolves once a service worker controls the page (at once when one already does). */
function controlled(workers: ServiceWorkerContainer): Promise<void> {
  if (workers.controller) return Promise.resolve();
  return new Promise((resolve) => workers.addEventListener('controllerchange', () => resolve(), { once: true }));
}

/**
 * Registers the capture app's service worker for this build (`?build=<id>` of the assets the document loaded, so a
 * deploy installs a new worker that drops the old build's cache) and hands the worker controlling the page what this
 * page loaded (the document and its scripts), so the next load works offline; `onControlled` runs once a worker
 * controls the page (read the state again, so the worker keeps it). Where service workers are not available, the app
 * works as before, online only. Nothing is registered while `enabled` is false (a reviewer's preview).
 */
export function useOfflineShell(onControlled: () => void, enabled: boolean): void {
  useEffect(() => {
    const workers = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!workers || !enabled) return undefined;
    const build = buildIdOf(documentAssetUrls(document));
    const cacheShell = () => {
      const assets = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => new URL(name).pathname.startsWith('/assets/'));
      workers.controller?.postMessage({ type: 'cache-shell', shell: window.location.pathname, assets });
    };
    // a new build's worker takes over from the old one after this page loaded: it keeps the shell in its own cache
    workers.addEventListener('controllerchange', cacheShell);
    workers
      .register(`${workerPath}?build=${encodeURIComponent(build)}`, { scope: workerScope })
      .then(() => controlled(workers))
      .then(() => {
        cacheShell();
        onControlled();
      })
      .catch(() => undefined);
    return () => workers.removeEventListener('controllerchange', cacheShell);
    // once per page load
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
