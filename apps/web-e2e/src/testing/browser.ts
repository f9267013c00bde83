import { existsSync } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium } from 'playwright-core';

/** Debian's Chromium: the tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  return existsSync(chromiumPath) ? null : `no Chromium at ${chromiumPath} (install Debian's chromium package)`;
}

/**
 * `describe` where Chromium is installed; elsewhere `describe.skip`, collected all the same (so Jest counts each test
 * as skipped) with `[skipped: <reason>]` in its name, which the skip reporter (tools/jest) groups the count by.
 */
export function describeInBrowser(name: string, tests: () => void): void {
  const reason = browserSkipReason();
  if (reason === null) describe(name, tests);
  else describe.skip(`${name} [skipped: ${reason}]`, tests);
}

/** Chromium's fake camera (a generated test pattern), granted without a permission prompt. */
export const fakeCameraArgs = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** Headless Chromium with no network activity of its own (no updates, sync or QUIC), plus `extraArgs`. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...extraArgs,
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The driver's phone: a small touch screen at 2x. */
export const phoneContext: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/** The reviewer's desktop. */
export const desktopContext: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
