// Issues 18 and 19, in Chromium against the built API serving the built web app, at 360×740 and 740×360: a reviewer's
// preview of the capture link (from the review page; nothing sent, the session stays IDLE and deletable), the
// camera's Close button and Escape (the stream released), a server refusal in the driver's language, and every
// closed or broken link's page (sent, expired, cancelled, unknown, deleted, incomplete). Each screen is scanned with
// axe (no violation of any impact) and photographed into the test artifacts.
import { createPaveClient, type PaveClient } from '@pave/client';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { saveScreenshot } from './testing/artifacts.js';
import { expectNoViolations } from './testing/axe-scan.js';
import { describeInBrowser, desktopContext, fakeCameraArgs, launchChromium, phoneContext } from './testing/browser.js';
import { expectStep, horizontalOverflow } from './testing/capture-page.js';
import { signIn } from './testing/review-page.js';
import { startServer, type RunningServer } from './testing/start-server.js';
import { makeSceneImage } from './testing/test-images.js';

const viewports = {
  portrait: phoneContext,
  landscape: { ...phoneContext, viewport: { width: 740, height: 360 } },
} as const satisfies Record<string, BrowserContextOptions>;

/** Screenshot, axe (zero violations of any impact) and no sideways scrolling, for one capture screen. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `capture-screens-${name}`);
  await expectNoViolations(page, name);
  expect(await horizontalOverflow(page)).toBe(0);
}

describeInBrowser('capture screens: preview, camera close, localized refusals, closed links', () => {
  let server: RunningServer;
  let browser: Browser;
  let client: PaveClient;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium(fakeCameraArgs)]);
    client = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A page in a new context; `block` keeps service workers out, so that `page.route` sees every state read. */
  const newPage = async (options: BrowserContextOptions, block = false): Promise<Page> =>
    (await browser.newContext({ ...options, ...(block ? { serviceWorkers: 'block' as const } : {}) })).newPage();

  it("previews the link from the review page: the driver's screens, nothing sent, the session IDLE and deletable", async () => {
    const { session_key: key, capture_url: link } = await client.sessions.create({
      session: { client_id: 'web-e2e-preview' },
    });
    const review = await newPage(desktopContext);
    await review.goto(`${server.baseUrl}/sessions/${key}`);
    await signIn(review, server.admin, key);
    await review.getByRole('link', { name: 'Preview as the driver' }).click();
    await review.getByRole('heading', { level: 2, name: 'Photograph your vehicle' }).waitFor();
    expect(review.url()).toBe(`${link}&preview`);
    await review.getByRole('note').filter({ hasText: 'Preview — nothing is sent' }).waitFor();
    await saveScreenshot(review, 'capture-screens-preview-desktop');
    await expectNoViolations(review, 'the preview on a desktop');

    for (const [name, options] of Object.entries(viewports)) {
      const phone = await newPage(options);
      await phone.goto(`${link}&preview`);
      await phone.getByRole('heading', { level: 2, name: 'Photograph your vehicle' }).waitFor();
      expect(await phone.getByRole('button', { name: 'Start', exact: true }).count()).toBe(0);
      await checkScreen(phone, `preview-intro-${name}`);
      await phone.getByRole('button', { name: 'See the steps' }).click();
      await expectStep(phone, 'VIN');
      expect(await phone.locator('input[type=file]').isDisabled()).toBe(true);
      expect(await phone.getByRole('button', { name: 'Open camera' }).isDisabled()).toBe(true);
      expect(await phone.getByRole('button', { name: 'Type the VIN instead' }).isDisabled()).toBe(true);
      await checkScreen(phone, `preview-step-${name}`);
      await phone.getByRole('button', { name: 'Next', exact: true }).click();
      await expectStep(phone, 'Interior');
      // a reload keeps the preview: the flag rides in the fragment with the token
      await phone.reload();
      await expectStep(phone, 'Interior');
      await phone.getByRole('note').filter({ hasText: 'Preview — nothing is sent' }).waitFor();
      expect(await phone.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      await phone.context().close();
    }

    expect((await client.sessions.get(key)).status).toBe('IDLE');
    expect((await client.sessions.progress(key)).steps.flatMap((step) => step.attempts)).toEqual([]);
    await client.sessions.delete(key);
    await expect(client.sessions.get(key)).rejects.toMatchObject({ status: 404 });
  }, 180_000);

  it('closes the camera with its 44-px Close button and with Escape: back to the step, no shot, tracks stopped', async () => {
    const { session_key: key, capture_url: link } = await client.sessions.create({
      session: { client_id: 'web-e2e-camera-close' },
    });
    const page = await newPage(viewports.portrait);
    // keeps every stream the page gets from the (fake) camera, to read its tracks' state afterwards
    await page.addInitScript(() => {
      const devices = navigator.mediaDevices;
      const original = devices.getUserMedia.bind(devices);
      const kept: MediaStream[] = [];
      Object.assign(window, { keptStreams: kept });
      devices.getUserMedia = async (constraints) => {
        const stream = await original(constraints);
        kept.push(stream);
        return stream;
      };
    });
    const trackStates = () =>
      page.evaluate(() =>
        (window as unknown as { keptStreams: MediaStream[] }).keptStreams.flatMap((stream) =>
          stream.getTracks().map((track) => track.readyState),
        ),
      );
    await page.goto(link);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expectStep(page, 'VIN');

    await page.getByRole('button', { name: 'Open camera' }).click();
    await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
    const close = page.getByRole('button', { name: 'Close camera' });
    expect((await close.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    expect(await trackStates()).toEqual(['live']);
    await checkScreen(page, 'camera-open');
    await close.click();

    await page.getByRole('button', { name: 'Open camera' }).waitFor();
    expect(await page.locator('video').count()).toBe(0);
    expect(await trackStates()).toEqual(['ended']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Open camera');
    await expectStep(page, 'VIN');

    await page.getByRole('button', { name: 'Open camera' }).click();
    await close.waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Open camera' }).waitFor();
    expect(await trackStates()).toEqual(['ended', 'ended']);
    expect((await client.sessions.progress(key)).steps.flatMap((step) => step.attempts)).toEqual([]);
    await checkScreen(page, 'camera-closed');
  }, 120_000);

  it('words a server refusal in the session language: a 413 storage quota in French, at 740×360', async () => {
    const { capture_url: link } = await client.sessions.create({
      session: { client_id: 'web-e2e-fr-refusal', language: 'FR' },
    });
    const page = await newPage(viewports.landscape, true);
    const english = 'This account keeps at most 1 MB of images and has reached it.';
    await page.route('**/v1/capture/*/photos/*', (route) =>
      route.fulfill({ status: 413, json: { message: english, code: 'storage_quota_exceeded' } }),
    );
    await page.goto(link);
    await page.getByRole('button', { name: 'Commencer' }).click();
    await expectStep(page, 'VIN');

    const photo = await makeSceneImage({ seed: 610 });
    await page.locator('input[type=file]').setInputFiles({ ...photo });
    const sendAnyway = page.getByRole('button', { name: 'L’envoyer quand même' });
    const refusal = page.getByRole('alert').filter({ hasText: 'Le service ne peut plus stocker de photos' });
    await refusal.or(sendAnyway).first().waitFor({ timeout: 20_000 });
    if (await sendAnyway.isVisible()) await sendAnyway.click();
    await refusal.waitFor({ timeout: 20_000 });
    expect(await page.getByText(english).count()).toBe(0);
    await checkScreen(page, 'fr-refusal-landscape');
  }, 120_000);

  it.each(Object.keys(viewports) as (keyof typeof viewports)[])(
    'explains every closed or broken link, axe-clean, at %s',
    async (name) => {
      const options = viewports[name];
      const reason = 'Wrong vehicle: the blue one';
      const cancelled = await client.sessions.create({ session: { client_id: `web-e2e-closed-${name}` } });
      await client.sessions.invalidate(cancelled.session_key, reason);
      const deleted = await client.sessions.create({ session: { client_id: `web-e2e-deleted-${name}` } });
      await client.sessions.delete(deleted.session_key);
      const open = await client.sessions.create({ session: { client_id: `web-e2e-faked-${name}` } });

      const page = await newPage(options, true);
      await page.goto(cancelled.capture_url);
      const region = page.getByRole('region', { name: 'This inspection was cancelled' });
      await region.waitFor();
      expect(await region.textContent()).toContain(reason);
      await checkScreen(page, `cancelled-${name}`);

      // the states the server gives a finished or an expired session, on a real link
      for (const [status, title] of [
        ['COMPLETE', 'Inspection sent'],
        ['EXPIRED', 'This link has expired'],
      ] as const) {
        await page.unrouteAll();
        await page.route('**/v1/capture/*', async (route) => {
          const response = await route.fetch();
          const state = (await response.json()) as Record<string, unknown>;
          await route.fulfill({ response, json: { ...state, status, accepting: false, vehicle: null } });
        });
        // a new document each time: the same link again would only be a same-document fragment navigation
        await page.goto('about:blank');
        await page.goto(open.capture_url);
        await page.getByRole('heading', { level: 2, name: title }).waitFor();
        expect(await page.locator('input[type=file]').count()).toBe(0);
        await checkScreen(page, `${status.toLowerCase()}-${name}`);
      }
      await page.unrouteAll();

      for (const [kind, url] of [
        ['unknown', open.capture_url.replace(/#.*$/, `#${'A'.repeat(43)}`)],
        ['deleted', deleted.capture_url],
      ] as const) {
        await page.goto('about:blank');
        await page.goto(url);
        await page.getByRole('alert').filter({ hasText: 'This inspection link is not valid.' }).waitFor();
        await checkScreen(page, `${kind}-link-${name}`);
      }

      await page.goto(open.capture_url.replace(/#.*$/, ''));
      await page.getByRole('alert').filter({ hasText: 'This capture link is incomplete.' }).waitFor();
      await checkScreen(page, `incomplete-link-${name}`);
      expect((await client.sessions.get(open.session_key)).status).toBe('IDLE');
    },
    120_000,
  );
});
