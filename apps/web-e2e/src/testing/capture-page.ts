import type { Page } from 'playwright-core';
import type { TestImage } from './test-images.js';

/** How long an upload and its QA verdict may take on a busy 2-core machine. */
const verdictTimeoutMs = 20_000;

/** Opens the capture link on the phone, taps "Start" on the intro (which starts the session) and waits for VIN. */
export async function openCapture(page: Page, captureUrl: string): Promise<void> {
  await page.goto(captureUrl);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expectStep(page, 'VIN');
}

/** Waits until the phone shows the step with this title (the capture app's own words, e.g. "Left side"). */
export async function expectStep(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor({ timeout: verdictTimeoutMs });
}

/** "Takes" a photo: hands the image to the camera input, as the phone's camera would. */
async function takePhoto(page: Page, image: TestImage): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ ...image });
}

/** Waits for `verdict`; when the phone's own pre-check warns first, sends the photo anyway (the server judges). */
async function sendPastPreCheck(page: Page, verdict: ReturnType<Page['getByRole']>): Promise<void> {
  const sendAnyway = page.getByRole('button', { name: 'Send it anyway' });
  await verdict.or(sendAnyway).first().waitFor({ timeout: verdictTimeoutMs });
  if (await sendAnyway.isVisible()) await sendAnyway.click();
  await verdict.waitFor({ timeout: verdictTimeoutMs });
}

/** Sends a photo and waits for "Photo accepted.". */
export async function sendAcceptedPhoto(page: Page, image: TestImage): Promise<void> {
  await takePhoto(page, image);
  await sendPastPreCheck(page, page.getByRole('status').filter({ hasText: 'Photo accepted.' }));
}

/** Sends a photo and waits for "Photo rejected: <reason>." with the request to retake it. */
export async function sendRejectedPhoto(page: Page, image: TestImage, reason: string): Promise<void> {
  await takePhoto(page, image);
  const alert = page.getByRole('alert').filter({ hasText: `Photo rejected: ${reason}.` });
  await sendPastPreCheck(page, alert.filter({ hasText: 'Please retake the photo.' }));
}

/** Types the VIN instead of photographing it and waits for "VIN <vin> saved". */
export async function typeVin(page: Page, vin: string): Promise<void> {
  await page.getByRole('button', { name: 'Type the VIN instead' }).click();
  await page.getByLabel('VIN (17 characters)').fill(vin);
  await page.getByRole('button', { name: 'Save VIN' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `VIN ${vin} saved` })
    .waitFor({ timeout: verdictTimeoutMs });
}

/** Taps "Next" and waits for the next step the app asks for. */
export async function continueTo(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expectStep(page, title);
}

/** Opens the list of all steps ("All steps" in the header) and from there the step `<number>. <title>`. */
export async function openStepFromOverview(page: Page, step: number, title: string): Promise<void> {
  await page.getByRole('button', { name: 'All steps' }).click();
  await page.getByRole('heading', { level: 2, name: 'All steps' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^${step}\\. ${title} `) }).click();
  await expectStep(page, title);
}

/** Taps "Skip this view" (offered only where the rules allow it). */
export async function skipStep(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Skip this view' }).click();
}

/** How many CSS pixels the page is wider than the screen (0 when nothing overflows sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
