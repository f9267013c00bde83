import type { Browser, Page } from 'playwright-core';
import { blockingViolations, expectNoBlockingViolations, expectNoViolations, scanPage } from './axe-scan.js';
import { describeInBrowser, launchChromium } from './browser.js';

const inaccessible = '<!doctype html><html><body><img src="data:,"><input type="text"></body></html>';
// moderate only: no landmark, no heading
const untidy = '<!doctype html><html lang="en"><head><title>Untidy</title></head><body><p>Loose text</p></body></html>';
const accessible =
  '<!doctype html><html lang="en"><head><title>Fine</title></head><body><main><h1>Fine</h1>' +
  '<label>Name <input type="text"></label></main></body></html>';

describeInBrowser('axe scan', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(() => browser?.close());

  it('reports an image without alt text and an unlabelled field as critical', async () => {
    await page.setContent(inaccessible);

    const blocking = blockingViolations(await scanPage(page));

    expect(blocking.map((violation) => [violation.id, violation.impact])).toEqual(
      expect.arrayContaining([
        ['image-alt', 'critical'],
        ['label', 'critical'],
      ]),
    );
    await expect(expectNoBlockingViolations(page, 'a broken page')).rejects.toThrow(
      /serious or critical violations on a broken page/,
    );
  });

  it('passes a page with a language, a title, a landmark, a heading and a labelled field', async () => {
    await page.setContent(accessible);

    expect(await scanPage(page)).toEqual([]);
    await expect(expectNoBlockingViolations(page, 'a fine page')).resolves.toBeUndefined();
    await expect(expectNoViolations(page, 'a fine page')).resolves.toBeUndefined();
  });

  it("lets moderate violations through the blocking check, and fails the capture screens' check on them", async () => {
    await page.setContent(untidy);

    const impacts = (await scanPage(page)).map((violation) => violation.impact);
    expect(impacts.length).toBeGreaterThan(0);
    expect(impacts.every((impact) => impact === 'moderate' || impact === 'minor')).toBe(true);
    await expect(expectNoBlockingViolations(page, 'an untidy page')).resolves.toBeUndefined();
    await expect(expectNoViolations(page, 'an untidy page')).rejects.toThrow(/axe found violations on an untidy page/);
  });
});
