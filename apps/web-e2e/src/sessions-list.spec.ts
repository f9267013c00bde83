// The reviewer's home page in Chromium: a new session appears in the list and, while nobody has started it, can
// be deleted after the browser's own confirmation dialog; a started one cannot. The page passes axe.
import { createPaveClient } from '@pave/client';
import type { Page } from 'playwright-core';
import { expectNoViolations } from './testing/axe-scan.js';
import { describeInBrowser, desktopContext } from './testing/browser.js';
import { withServerAndBrowser } from './testing/server-and-browser.js';
import { signIn } from './testing/sign-in.js';

describeInBrowser('the sessions list', () => {
  const running = withServerAndBrowser();

  const row = (page: Page, key: string) =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: key }) });

  it('deletes an IDLE session after the confirmation dialog, and offers no delete for a started one', async () => {
    const { server, browser } = running();
    const client = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
    const started = await client.sessions.create({ session: { client_id: 'started-one' } });
    await client.capture(started.capture_url).start();
    const page = await (await browser.newContext(desktopContext)).newPage();
    await page.goto(server.baseUrl);
    await signIn(page, server.admin);
    await row(page, started.session_key).waitFor();

    await page.getByRole('button', { name: 'New session' }).click();
    const created =
      (await page.getByRole('status').filter({ hasText: 'is ready' }).locator('strong').textContent()) ?? '';
    await row(page, created)
      .getByRole('button', { name: `Delete session ${created}` })
      .waitFor();
    expect(await row(page, started.session_key).getByRole('button').count()).toBe(0);
    await expectNoViolations(page, 'the sessions list');

    const dialogs: string[] = [];
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await row(page, created)
      .getByRole('button', { name: `Delete session ${created}` })
      .click();
    await row(page, created).waitFor({ state: 'detached' });

    expect(dialogs).toEqual([`Delete session ${created}? Its capture link will stop working.`]);
    await expect(client.sessions.get(created)).rejects.toMatchObject({ status: 404 });
    expect(await row(page, started.session_key).count()).toBe(1);
  }, 90_000);
});
