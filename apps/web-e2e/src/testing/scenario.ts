import { createPaveClient } from '@pave/client';
import type { PhotoCode } from '@pave/domain';
import type { Browser, Page } from 'playwright-core';
import { clearArtifacts, saveScreenshot } from './artifacts.js';
import { desktopContext, launchChromium, phoneContext } from './browser.js';
import { startServer, type RunningServer } from './start-server.js';
import { makeBlurredImage, makeDarkImage, makePortraitImage, makeSceneImage, type TestImage } from './test-images.js';

/** What the phone sends: a distinct scene per step (so no Wrong View), and one image per rejection reason. */
export type Images = {
  scene: (code: PhotoCode) => TestImage;
  dark: TestImage;
  portrait: TestImage;
  blurred: TestImage;
};

async function makeImages(): Promise<Images> {
  const codes = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;
  const scenes = await Promise.all(codes.map((code) => makeSceneImage({ seed: 100 + code })));
  const byCode = new Map<PhotoCode, TestImage>(scenes.map((image, index) => [codes[index] ?? 2, image]));
  const [dark, portrait, blurred] = await Promise.all([
    makeDarkImage({ seed: 90 }),
    makePortraitImage({ seed: 91 }),
    makeBlurredImage({ seed: 92 }),
  ]);
  const scene = (code: PhotoCode) => {
    const image = byCode.get(code);
    if (!image) throw new Error(`no scene was made for photo code ${code}`);
    return image;
  };
  return { scene, dark, portrait, blurred };
}

/** What the ordered tests of one scenario share: one server, one browser, one session, two pages. */
export type Scenario = {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly images: Images;
  readonly sessionKey: string;
  readonly captureUrl: string;
  /** The reviewer's desktop page. */
  readonly review: Page;
  /** The driver's phone page. */
  readonly phone: Page;
  /** Uncaught errors in either page: there must be none. */
  readonly pageErrors: string[];
  /** The steps that finished, so that a later one names the earlier failure it depends on. */
  readonly done: Set<string>;
};

function watchPage(page: Page, name: string, pageErrors: string[]): void {
  page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.info(`${name} console error: ${message.text()}`);
  });
}

type Parts = { server: RunningServer; images: Images; browser: Browser };

/** Starts the server and the browser and makes the images at once; stops whatever started when one fails. */
async function startParts(): Promise<Parts> {
  const [server, images, browser] = await Promise.allSettled([startServer(), makeImages(), launchChromium()]);
  if (server.status === 'fulfilled' && images.status === 'fulfilled' && browser.status === 'fulfilled') {
    return { server: server.value, images: images.value, browser: browser.value };
  }
  if (browser.status === 'fulfilled') await browser.value.close();
  if (server.status === 'fulfilled') await server.value.stop();
  const failed = [server, images, browser].find((result) => result.status === 'rejected');
  throw failed?.status === 'rejected' ? failed.reason : new Error('the scenario did not start');
}

async function openPages(browser: Browser): Promise<Pick<Scenario, 'review' | 'phone' | 'pageErrors'>> {
  const review = await (await browser.newContext(desktopContext)).newPage();
  const phone = await (await browser.newContext(phoneContext)).newPage();
  const pageErrors: string[] = [];
  watchPage(review, 'review', pageErrors);
  watchPage(phone, 'phone', pageErrors);
  return { review, phone, pageErrors };
}

/**
 * Empties the artifacts folder, starts the server and the browser, makes the images, creates a session (signed,
 * through `@pave/client`) and opens the reviewer's and the driver's pages.
 */
export async function createScenario(): Promise<Scenario> {
  clearArtifacts();
  const { server, images, browser } = await startParts();
  try {
    const client = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
    const { session_key: sessionKey, capture_url: captureUrl } = await client.sessions.create({
      session: { client_id: 'web-e2e' },
    });
    const pages = await openPages(browser);
    return { server, browser, images, sessionKey, captureUrl, ...pages, done: new Set() };
  } catch (error) {
    await browser.close();
    await server.stop();
    throw error;
  }
}

/** Closes the browser, stops the server and removes its data folder. */
export async function closeScenario(scenario: Scenario | undefined): Promise<void> {
  await scenario?.browser.close();
  await scenario?.server.stop();
}

/**
 * One test of the scenario: refuses to start unless the step it builds on finished, saves screenshots of both
 * pages when it fails, and records itself as done when it passes.
 */
export function scenarioStep(
  get: () => Scenario,
  names: { readonly name: string; readonly after: string | null },
  body: (scenario: Scenario) => Promise<void>,
): () => Promise<void> {
  return async () => {
    const scenario = get();
    if (names.after !== null && !scenario.done.has(names.after)) {
      throw new Error(`an earlier test did not finish: ${names.after}`);
    }
    try {
      await body(scenario);
    } catch (error) {
      await saveScreenshot(scenario.phone, `failed-${names.name}-phone`).catch(() => undefined);
      await saveScreenshot(scenario.review, `failed-${names.name}-review`).catch(() => undefined);
      throw error;
    }
    scenario.done.add(names.name);
  };
}
