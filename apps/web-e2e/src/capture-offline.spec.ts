// Issue 18, weak networks: the capture app's shell loads offline (service worker), a photo taken offline is kept
// across a reload and sent once the connection returns.
import { createPaveClient } from '@pave/client';
import { saveScreenshot } from './testing/artifacts.js';
import { describeViolations, scanPage } from './testing/axe-scan.js';
import { describeInBrowser, phoneContext } from './testing/browser.js';
import { openCapture } from './testing/capture-page.js';
import { withServerAndBrowser } from './testing/server-and-browser.js';
import { makeSceneImage } from './testing/test-images.js';

describeInBrowser('capture app on a weak network', () => {
  const running = withServerAndBrowser();

  it('reloads offline from the service worker, keeps the photo taken offline, sends it when back online', async () => {
    const { server, browser } = running();
    const client = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
    const session = await client.sessions.create({ session: { client_id: 'web-e2e-offline' } });
    const context = await browser.newContext(phoneContext);
    const page = await context.newPage();
    await openCapture(page, session.capture_url);
    // the worker controls the page and keeps the shell, its scripts and the capture state
    const kept = () =>
      page.evaluate(async () => {
        const key = location.pathname.split('/')[2] ?? '';
        const cache = await caches.open('pave-capture-v1');
        const shell = await cache.match('/capture-shell');
        const state = await cache.match(`/v1/capture/${key}`);
        return navigator.serviceWorker.controller !== null && shell !== undefined && state !== undefined;
      });
    for (let tries = 0; !(await kept()); tries += 1) {
      if (tries > 150) throw new Error('the service worker did not keep the shell and the state within 30 s');
      await page.waitForTimeout(200);
    }

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
    const violations = await scanPage(page);
    if (violations.length > 0) throw new Error(describeViolations(violations));

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
});
