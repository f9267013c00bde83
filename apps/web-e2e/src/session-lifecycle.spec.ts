// Issue 12 in Chromium, from the reviewer's side: a session created in the review app with PAVE's vehicle fields is
// captured on a phone, then its results document is read and downloaded, and notes arrive live on the finished
// session; another is invalidated from the review app while its capture page is open, and that page closes by
// itself with the reviewer's reason.
import { readFile } from 'node:fs/promises';
import { createPaveClient, type PaveClient } from '@pave/client';
import { captureOrder, type PhotoCode } from '@pave/domain';
import type { Page } from 'playwright-core';
import { saveScreenshot } from './testing/artifacts.js';
import { expectNoViolations } from './testing/axe-scan.js';
import { describeInBrowser, desktopContext, phoneContext } from './testing/browser.js';
import { continueTo, expectStep, sendAcceptedPhoto } from './testing/capture-page.js';
import { liveTimeoutMs, statusBadge, stepCard, waitForCard, waitForStatus } from './testing/review-page.js';
import { phoneStepTitles } from './testing/phone-steps.js';
import { withServerAndBrowser } from './testing/server-and-browser.js';
import { signIn } from './testing/sign-in.js';
import type { TestUser } from './testing/start-server.js';
import { makeSceneImage, type TestImage } from './testing/test-images.js';

/** The vehicle the reviewer types into the new-session form. */
const vehicle = { vin: 'JN1CV6AR9BM123456', year: '2011', make: 'Infiniti', model: 'G37' } as const;
const typedOdometer = '48213';

/** How long the open capture page may take to notice an invalidation: one poll (10 s) plus a busy machine's slack. */
const closeTimeoutMs = 25_000;

async function signInOnHome(page: Page, baseUrl: string, user: TestUser): Promise<void> {
  await page.goto(baseUrl);
  await signIn(page, user);
  await page.getByRole('heading', { level: 2, name: 'New session' }).waitFor();
}

/** Fills the new-session form's vehicle fields, submits it, and answers the new session's key and capture link. */
async function createWithVehicle(page: Page): Promise<{ sessionKey: string; captureUrl: string }> {
  await page.getByText('Vehicle, contact and more').click();
  const fields = page.getByRole('group', { name: 'Vehicle' });
  await fields.getByLabel('VIN').fill(vehicle.vin);
  await fields.getByLabel('Year').fill(vehicle.year);
  await fields.getByLabel('Make').fill(vehicle.make);
  await fields.getByLabel('Model').fill(vehicle.model);
  await page.getByLabel('Client id').fill('web-e2e-vehicle');
  await page.getByRole('button', { name: 'New session' }).click();
  const ready = page.getByRole('status').filter({ hasText: 'is ready' });
  const sessionKey = (await ready.locator('strong').textContent()) ?? '';
  const captureUrl = (await page.locator('.new-session__link a').getAttribute('href')) ?? '';
  return { sessionKey, captureUrl };
}

async function makeScenes(): Promise<Map<PhotoCode, TestImage>> {
  const codes = captureOrder.filter((code) => code !== 1);
  const images = await Promise.all(codes.map((code) => makeSceneImage({ seed: 300 + code })));
  return new Map(codes.map((code, index) => [code, images[index] as TestImage]));
}

/** Captures every step after the given VIN through the phone's UI (the odometer typed in), then submits. */
async function captureAll(phone: Page, scenes: Map<PhotoCode, TestImage>): Promise<void> {
  const [, ...rest] = captureOrder;
  for (const [index, code] of rest.entries()) {
    if (index > 0) await continueTo(phone, phoneStepTitles[code]);
    else await expectStep(phone, phoneStepTitles[code]);
    if (code === 3) {
      await phone.getByRole('button', { name: 'Type the odometer reading instead' }).click();
      await phone.getByLabel('Odometer reading').fill(typedOdometer);
      await phone.getByRole('button', { name: 'Save reading' }).click();
      const saved = phone.getByRole('status').filter({ hasText: `Odometer ${typedOdometer} saved` });
      await saved.waitFor({ timeout: 20_000 });
    } else {
      const image = scenes.get(code);
      if (!image) throw new Error(`no scene for photo code ${code}`);
      await sendAcceptedPhoto(phone, image);
    }
  }
  await phone.getByRole('button', { name: 'Next', exact: true }).click();
  await phone.getByRole('heading', { level: 2, name: 'Check and send' }).waitFor();
  await phone.getByRole('button', { name: 'Submit inspection' }).click();
  await phone.getByRole('heading', { level: 2, name: 'Inspection sent' }).waitFor();
}

describeInBrowser('a session from the review app: created with a vehicle, captured, invalidated', () => {
  const running = withServerAndBrowser();
  let review: Page;
  let client: PaveClient;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const { server, browser } = running();
    client = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
    review = await (await browser.newContext({ ...desktopContext, acceptDownloads: true })).newPage();
    review.on('pageerror', (error) => pageErrors.push(`review: ${error.message}`));
    await signInOnHome(review, server.baseUrl, server.admin);
  }, 60_000);

  async function openPhone(captureUrl: string, start = true): Promise<Page> {
    const phone = await (await running().browser.newContext(phoneContext)).newPage();
    phone.on('pageerror', (error) => pageErrors.push(`phone: ${error.message}`));
    await phone.goto(captureUrl);
    // opening the link starts nothing: the driver's Start on the intro does
    if (start) await phone.getByRole('button', { name: 'Start', exact: true }).click();
    return phone;
  }

  it('creates a session with a vehicle, captures it, and shows and downloads its results', async () => {
    const scenes = await makeScenes();
    const { sessionKey, captureUrl } = await createWithVehicle(review);
    expect(await client.sessions.get(sessionKey)).toMatchObject({
      vehicle: { vin: vehicle.vin, year: 2011, make: vehicle.make, model: vehicle.model },
      options: { client_id: 'web-e2e-vehicle' },
    });
    await review.getByRole('link', { name: `Review session ${sessionKey}` }).click();
    await review.getByRole('heading', { level: 1, name: `Session ${sessionKey}` }).waitFor();
    await review.getByText(`${vehicle.year} ${vehicle.make} ${vehicle.model}`).first().waitFor();

    const phone = await openPhone(captureUrl);
    await captureAll(phone, scenes);
    await waitForStatus(review, 'COMPLETE');
    // the VIN given at creation was recorded as typed when the capture started; the odometer was typed on the phone
    await waitForCard(stepCard(review, 1, 'VIN'), ['Entered manually']);
    await waitForCard(stepCard(review, 3, 'Cluster'), ['Entered manually', `Odometer reading: ${typedOdometer}`]);
    await waitForCard(stepCard(review, 1, 'VIN'), [`VIN: ${vehicle.vin}`]);

    const expected = await client.sessions.results(sessionKey);
    const shown = review.getByRole('region', { name: 'Results JSON' });
    await shown.waitFor({ timeout: liveTimeoutMs });
    expect(JSON.parse((await shown.textContent()) ?? '')).toEqual(JSON.parse(JSON.stringify(expected)));
    const [download] = await Promise.all([
      review.waitForEvent('download'),
      review.getByRole('button', { name: 'Download results JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`results-${sessionKey}.json`);
    const downloaded = JSON.parse(await readFile(await download.path(), 'utf8')) as typeof expected;
    expect(downloaded).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(downloaded.photos).toEqual(JSON.parse(JSON.stringify(await client.sessions.photos(sessionKey))));
    expect(downloaded.session).toMatchObject({ session_key: sessionKey, status: 'COMPLETE' });

    // the session is finished and its own event stream over: notes still come in live, without a reload
    const notes = review.getByRole('region', { name: 'Notes' });
    await notes.getByRole('textbox', { name: 'New note' }).fill('Paint checked in daylight');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await notes.getByText('Paint checked in daylight').waitFor();
    await notes.getByText(`${running().server.admin.email},`).waitFor();
    await client.sessions.notes.add(sessionKey, 'Customer approved the report');
    await notes.getByText('Customer approved the report').waitFor({ timeout: liveTimeoutMs });
    await saveScreenshot(review, 'lifecycle-review-results');
    await expectNoViolations(review, 'the session page with its results');
    await phone.context().close();
  }, 180_000);

  it('invalidates a session from the review app: its open capture page closes and shows the reason', async () => {
    const reason = 'Wrong vehicle: the plate does not match';
    const { session_key: sessionKey, capture_url: captureUrl } = await client.sessions.create({
      session: { client_id: 'web-e2e-invalidate' },
    });
    const phone = await openPhone(captureUrl);
    await expectStep(phone, 'VIN');
    await review.goto(`${running().server.baseUrl}/sessions/${sessionKey}`);
    await review.getByRole('heading', { level: 1, name: `Session ${sessionKey}` }).waitFor();

    const dialogs: string[] = [];
    review.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await review.getByRole('region', { name: 'Invalidate' }).getByLabel('Reason').fill(reason);
    await review.getByRole('button', { name: 'Invalidate session' }).click();
    await waitForStatus(review, 'INVALID');
    expect(dialogs).toEqual([`Invalidate session ${sessionKey}? Its capture link stops working for good.`]);
    expect(await statusBadge(review, 'INVALID').count()).toBe(1);

    // the driver does nothing: the page reads its state again and closes with the reviewer's words
    const closed = phone.getByRole('region', { name: 'This inspection was cancelled' });
    await closed.waitFor({ timeout: closeTimeoutMs });
    expect(await closed.textContent()).toContain(reason);
    expect(await phone.locator('input[type=file]').count()).toBe(0);
    await saveScreenshot(phone, 'lifecycle-phone-invalidated');
    await expectNoViolations(phone, 'the capture page of an invalidated session');
    // the same link without its token learns nothing: the unknown session's page, no reason
    const stranger = await openPhone(captureUrl.replace(/#.*$/, `#${'A'.repeat(43)}`), false);
    await stranger.getByRole('alert').filter({ hasText: 'This inspection link is not valid.' }).waitFor();
    expect(await stranger.getByText(reason).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('sets up a callback on the Integrations page, shows the signing secret and the delivery log; axe clean', async () => {
    await review.goto(`${running().server.baseUrl}/integrations`);
    await review.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
    const form = review.getByRole('form', { name: 'Add a callback' });
    await form.getByLabel('Event').selectOption('SESSION:STATUS_CHANGE');
    // a name that does not resolve is accepted (every send checks it again): deliveries fail and are retried
    await form.getByLabel('URL').fill('https://hooks.example.test/pave');
    await form.getByLabel(/Headers/).fill('X-Tenant: e2e');
    await form.getByRole('button', { name: 'Add callback' }).click();
    await review.getByRole('row', { name: /SESSION:STATUS_CHANGE/ }).waitFor();
    expect((await client.callbacks.list()).data).toEqual([
      expect.objectContaining({ event: 'SESSION:STATUS_CHANGE', headers: { 'X-Tenant': 'e2e' } }),
    ]);
    // a test send reaches nothing here (the name does not resolve): the outcome says so, and no 5xx is shown
    await review.getByRole('button', { name: 'Send test to the SESSION:STATUS_CHANGE callback' }).click();
    await review
      .getByRole('status', { name: 'Test of the SESSION:STATUS_CHANGE callback' })
      .filter({ hasText: 'Test not delivered' })
      .waitFor({ timeout: 30_000 });
    await review.getByRole('button', { name: 'Reveal signing secret' }).click();
    const secret = (await client.callbacks.signingSecret()).secret;
    await review.getByText(secret, { exact: true }).waitFor();

    const { session_key: sessionKey, capture_url: captureUrl } = await client.sessions.create();
    await client.capture(captureUrl).start();
    const log = review.getByRole('region', { name: 'Delivery log' });
    await log
      .getByRole('row', { name: new RegExp(sessionKey) })
      .first()
      .waitFor({ timeout: 30_000 });
    await saveScreenshot(review, 'lifecycle-review-integrations');
    await expectNoViolations(review, 'the Integrations page');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
