import { photoCodeOf, photoNameOf, type PhotoLabel } from '@pave/domain';
import type { Locator, Page } from 'playwright-core';
import { signIn as signInWithForm } from './sign-in.js';
import type { TestUser } from './start-server.js';

/** How soon a change must show on the live review page (it polls every 2 s). */
export const liveTimeoutMs = 10_000;

/** Signs a person in through the form on the current (session) page and waits for the session's heading. */
export async function signIn(page: Page, user: TestUser, sessionKey: string): Promise<void> {
  await signInWithForm(page, user);
  await page.getByRole('heading', { level: 1, name: `Session ${sessionKey}` }).waitFor();
}

/** A step's card in the grid, found by its title `<step>. <human name>` of a wire label ("11. Rear left" for Rear_Left). */
export function stepCard(page: Page, step: number, label: PhotoLabel): Locator {
  const name = photoNameOf(photoCodeOf(label));
  return page
    .getByRole('list', { name: 'Capture steps' })
    .getByRole('button', { name: new RegExp(`^${step}\\. ${name}(?!\\w)`) });
}

/**
 * Waits, without reloading, until a card shows every one of `texts` (e.g. "Rejected", "Reason: Too Dark"); fails
 * after {@link liveTimeoutMs}. Returns how long it took.
 */
export async function waitForCard(card: Locator, texts: readonly string[]): Promise<number> {
  const started = Date.now();
  const matching = texts.reduce((locator, text) => locator.filter({ hasText: text }), card);
  await matching.waitFor({ timeout: liveTimeoutMs });
  return Date.now() - started;
}

/** The session status badge in the header (its title is the wire status, e.g. "COMPLETE"). */
export function statusBadge(page: Page, status: string): Locator {
  return page.getByRole('main').getByTitle(status, { exact: true });
}

/** Waits, without reloading, until the status badge shows this wire status; fails after {@link liveTimeoutMs}. */
export async function waitForStatus(page: Page, status: string): Promise<void> {
  await statusBadge(page, status).waitFor({ timeout: liveTimeoutMs });
}

/** Marks the page's window, so that a later {@link wasReloaded} tells whether the page was loaded again. */
export async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as Record<string, unknown>)['paveE2eMark'] = true;
  });
}

/** True when the window lost the mark of {@link markWindow}: the page was reloaded or navigated away. */
export async function wasReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as Record<string, unknown>)['paveE2eMark'] !== true);
}

/** Counts the requests the page makes to the session's API (`/v1/sessions/<key>…`) from now on. */
export function countSessionRequests(page: Page, sessionKey: string): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith(`/v1/sessions/${sessionKey}`)) count += 1;
  });
  return () => count;
}

/** The natural widths of the grid's thumbnails, once each is decoded (a broken image fails). */
export async function thumbnailWidths(page: Page): Promise<number[]> {
  const images = page.getByRole('list', { name: 'Capture steps' }).locator('img');
  return images.evaluateAll((elements) =>
    Promise.all(
      elements.map(async (element) => {
        const image = element as HTMLImageElement;
        await image.decode();
        return image.naturalWidth;
      }),
    ),
  );
}
