import { useEffect } from 'react';
import { buildIdOf, documentAssetUrls } from '../utils/build-id.js';

/** Where the capture app's service worker is served (apps/web/public), and what it controls. */
const workerPath = '/capture-sw.js';
const workerScope = '/capture/';

/**
 * Registers the capture app's service worker for this build (`?build=<id>` of the assets the document loaded, so a
 * deploy installs a new worker that drops the old build's cache) and hands the worker controlling the page what this
 * page loaded (the document and its scripts), so the next load works offline; `onControlled` runs whenever a worker
 * takes control of the page, or at once when one had it already (read the state again, so the worker keeps it). Where service workers are not available, the app
 * works as before, online only. Nothing is registered while `enabled` is false (a reviewer's preview).
 */
export function useOfflineShell(onControlled: () => void, enabled: boolean): void {
  useEffect(() => {
    const workers = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!workers || !enabled) return undefined;
    const build = buildIdOf(documentAssetUrls(document));
    // the worker now controlling the page (the first one, or a new build's taking over) keeps the shell in its
    // build's cache, and the state read again goes through it, so it keeps that too
    const handOver = () => {
      const assets = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => new URL(name).pathname.startsWith('/assets/'));
      workers.controller?.postMessage({ type: 'cache-shell', shell: window.location.pathname, assets });
      onControlled();
    };
    const controlledAlready = workers.controller !== null;
    workers.addEventListener('controllerchange', handOver);
    workers
      .register(`${workerPath}?build=${encodeURIComponent(build)}`, { scope: workerScope })
      .then(() => controlledAlready && handOver())
      .catch(() => undefined);
    return () => workers.removeEventListener('controllerchange', handOver);
    // once per page load
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
