import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startServer, type RunningServer } from './start-server.js';

/** What {@link withServerAndBrowser} gives each test. */
export type ServerAndBrowser = { readonly server: RunningServer; readonly browser: Browser };

/**
 * One server (the built API serving the built web app) and one Chromium for the tests of the enclosing `describe`:
 * started together before them (whichever started is stopped when the other fails), stopped after them. The
 * returned function gives them to a test, and throws when they did not start.
 */
export function withServerAndBrowser(): () => ServerAndBrowser {
  let started: ServerAndBrowser | undefined;
  beforeAll(async () => {
    const [server, browser] = await Promise.allSettled([startServer(), launchChromium()]);
    if (server.status === 'fulfilled' && browser.status === 'fulfilled') {
      started = { server: server.value, browser: browser.value };
      return;
    }
    if (browser.status === 'fulfilled') await browser.value.close();
    if (server.status === 'fulfilled') await server.value.stop();
    throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
  }, 60_000);
  afterAll(async () => {
    await started?.browser.close();
    await started?.server.stop();
  });
  return () => {
    if (!started) throw new Error('the server or the browser did not start (see beforeAll)');
    return started;
  };
}
