// Issue 18, weak networks: the capture app's shell loads offline (service worker), a photo taken offline is kept
// across a reload and sent once the connection returns.
import { createPaveClient } from '@pave/client';
import type { Page } from 'playwright-core';
import { saveScreenshot } from './testing/artifacts.js';
import { expectNoViolations } from './testing/axe-scan.js';
import { describeInBrowser, phoneContext } from './testing/browser.js';
import { openCapture } from './testing/capture-page.js';
import { withServerAndBrowser } from './testing/server-and-browser.js';
import { makeSceneImage } from './testing/test-images.js';

/** The names of the capture worker's caches (one per build: `pave-capture-<build>`), and what the newest keeps. */
function workerCaches(page: Page) {
  return page.evaluate(async () => {
    const key = location.pathname.split('/')[2] ?? '';
    const names = (await caches.keys()).filter((name) => name.startsWith('pave-capture-'));
    const cache = await caches.open(names[names.length - 1] ?? 'none');
    const assets = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/assets/'));
    const missing = [];
    for (const asset of assets) if ((await cache.match(asset)) === undefined) missing.push(asset);
    return {
      names,
      controlled: navigator.serviceWorker.controller !== null,
      shell: (await cache.match('/capture-shell')) !== undefined,
      state: (await cache.match(`/v1/capture/${key}`)) !== undefined,
      assets: missing.length === 0,
    };
  });
}

/** Waits until a worker controls the page and its one cache keeps the shell, every script loaded and the state. */
async function waitUntilKept(page: Page): Promise<void> {
  for (let tries = 0; ; tries += 1) {
    const kept = await workerCaches(page);
    if (kept.controlled && kept.names.length === 1 && kept.shell && kept.state && kept.assets) return;
    if (tries > 150)
      throw new Error(`the service worker did not keep the shell and the state within 30 s: ${JSON.stringify(kept)}`);
    await page.waitForTimeout(200);
  }
}

describeInBrowser('capture app on a weak network', () => {
  const running = withServerAndBrowser();

  it('reloads offline from the service worker, keeps the photo taken offline, sends it when back online', async () => {
    const { server, browser } = running();
    const client = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
    const session = await client.sessions.create({ session: { client_id: 'web-e2e-offline' } });
    const context = await browser.newContext(phoneContext);
    const page = await context.newPage();
    await openCapture(page, session.capture_url);
    await waitUntilKept(page);

    await context.setOffline(true);
    await page.reload();
    await page
      .getByRole('heading', { level: 2, name: 'VIN' })
      .waitFor()
      .catch(async (error: unknown) => {
        await saveScreenshot(page, 'failed-capture-offline');
        throw error;
      });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByRole('status').filter({ hasText: 'You are offline.' }).waitFor();

    const photo = await makeSceneImage({ seed: 501 });
    await page.locator('input[type=file]').setInputFiles({ ...photo });
    await page.getByRole('status').filter({ hasText: 'No connection: the photo is kept' }).waitFor({ timeout: 20_000 });
    await saveScreenshot(page, 'capture-offline-waiting');
    await expectNoViolations(page, 'the capture page waiting for the network');

    // the page goes away while offline: the photo stays on the phone and goes up from the next load
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'VIN' }).waitFor();
    expect((await client.sessions.progress(session.session_key)).steps[0]?.attempts).toEqual([]);
    await context.setOffline(false);

    await page.getByRole('progressbar', { name: '1 of 13 done' }).waitFor({ timeout: 30_000 });
    const [vin] = (await client.sessions.progress(session.session_key)).steps;
    expect(vin?.attempts.map((attempt) => attempt.approved)).toEqual([true]);
    await saveScreenshot(page, 'capture-offline-sent');
  }, 120_000);

  it("lets the server's 404 win over the kept state of a deleted link, offline too", async () => {
    const { server, browser } = running();
    const client = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
    const session = await client.sessions.create({ session: { client_id: 'web-e2e-offline-deleted' } });
    const context = await browser.newContext(phoneContext);
    const page = await context.newPage();
    await page.goto(session.capture_url);
    await page.getByRole('heading', { level: 2, name: 'Photograph your vehicle' }).waitFor();
    await waitUntilKept(page);

    await client.sessions.delete(session.session_key);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'This inspection link is not valid.' }).waitFor();
    expect((await workerCaches(page)).state).toBe(false);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'Cannot reach the server.' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Photograph your vehicle' }).count()).toBe(0);
    await saveScreenshot(page, 'capture-offline-deleted-link');
    await expectNoViolations(page, 'the deleted link offline');
  }, 120_000);

  it("drops an older build's cache when a new build's worker takes over, and still reloads offline", async () => {
    const { server, browser } = running();
    const client = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
    const session = await client.sessions.create({ session: { client_id: 'web-e2e-offline-deploy' } });
    const context = await browser.newContext(phoneContext);
    const page = await context.newPage();
    await page.goto(session.capture_url);
    await page.getByRole('heading', { level: 2, name: 'Photograph your vehicle' }).waitFor();
    await waitUntilKept(page);
    const [before] = (await workerCaches(page)).names;

    // what a deploy does: the page of the new build registers the worker under its own build id
    await page.evaluate(async () => {
      const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      await navigator.serviceWorker.register('/capture-sw.js?build=next-deploy', { scope: '/capture/' });
      await changed;
    });
    // the new build's worker dropped the old cache and keeps the shell, the scripts and the state in its own
    await waitUntilKept(page);
    const { names } = await workerCaches(page);
    expect([before, names]).toEqual([expect.stringMatching(/^pave-capture-[0-9a-z]+$/), ['pave-capture-next-deploy']]);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Photograph your vehicle' }).waitFor();
    await saveScreenshot(page, 'capture-offline-after-deploy');
  }, 120_000);
});
