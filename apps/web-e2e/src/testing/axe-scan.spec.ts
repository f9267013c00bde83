import type { Browser, Page } from 'playwright-core';
import { expectNoViolations, scanPage } from './axe-scan.js';
import { describeInBrowser, launchChromium } from './browser.js';

const inaccessible = '<!doctype html><html><body><img src="data:,"><input type="text"></body></html>';
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

    const violations = await scanPage(page);

    expect(violations.map((violation) => [violation.id, violation.impact])).toEqual(
      expect.arrayContaining([
        ['image-alt', 'critical'],
        ['label', 'critical'],
      ]),
    );
    await expect(expectNoViolations(page, 'a broken page')).rejects.toThrow(/axe found violations on a broken page/);
  });

  it('fails a page on a minor or moderate violation too', async () => {
    // no <main> landmark and no heading: best-practice rules of moderate impact, nothing serious
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>Bare</title></head><body><p>Text</p></body></html>',
    );

    const violations = await scanPage(page);

    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((violation) => violation.impact === 'moderate' || violation.impact === 'minor')).toBe(true);
    await expect(expectNoViolations(page, 'a bare page')).rejects.toThrow(/axe found violations on a bare page/);
  });

  it('passes a page with a language, a title, a landmark, a heading and a labelled field', async () => {
    await page.setContent(accessible);

    expect(await scanPage(page)).toEqual([]);
    await expect(expectNoViolations(page, 'a fine page')).resolves.toBeUndefined();
  });
});
