// People and roles in Chromium: an admin invites a reviewer in the app, the reviewer joins with the one-time link,
// signs in once and stays signed in in a new tab; a viewer gets no invalidate control and a 403 from the API; a
// forged (CSRF-less) change is refused; no API secret is in any browser storage; the new pages pass axe with 0
// violations of any impact.
import { createPaveClient } from '@pave/client';
import { sessionCookieName } from '@pave/domain';
import type { BrowserContext, Page } from 'playwright-core';
import { expectNoViolations } from './testing/axe-scan.js';
import { describeInBrowser, desktopContext } from './testing/browser.js';
import { withServerAndBrowser } from './testing/server-and-browser.js';
import { createUser, signIn } from './testing/sign-in.js';
import type { RunningServer, TestUser } from './testing/start-server.js';

/** A POST from the page's own script, with the page's cookie; with the session's CSRF token unless told not to. */
async function postFromPage(page: Page, path: string, body: unknown, withCsrf: boolean) {
  return page.evaluate(
    async ({ path, body, withCsrf }) => {
      const me = (await (await fetch('/v1/auth/me')).json()) as { csrf_token: string };
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (withCsrf) headers['X-CSRF-Token'] = me.csrf_token;
      const answer = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
      return { status: answer.status, body: (await answer.json()) as { code?: string; message: string } };
    },
    { path, body, withCsrf },
  );
}

/** Everything a page's scripts can keep: local and session storage, readable cookies, IndexedDB database names. */
async function browserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump = (storage: Storage) => Object.entries({ ...storage }).join('\n');
    const databases = (await indexedDB.databases()).map((database) => database.name ?? '').join(',');
    return [dump(localStorage), dump(sessionStorage), document.cookie, databases].join('\n');
  });
}

async function signedInPage(context: BrowserContext, server: RunningServer, user: TestUser): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.baseUrl);
  await signIn(page, user);
  return page;
}

describeInBrowser('People and roles', () => {
  const running = withServerAndBrowser();

  it('lets an admin invite a reviewer who joins, signs in once and keeps the session in a new tab', async () => {
    const { server, browser } = running();
    const admin = await signedInPage(await browser.newContext(desktopContext), server, server.admin);
    await admin.getByRole('link', { name: 'People' }).click();
    await admin.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await admin.getByRole('rowheader', { name: server.admin.email }).waitFor();
    await expectNoViolations(admin, 'the people page');
    const reviewer: TestUser = { email: 'rita@example.com', password: 'rita has a long password', role: 'reviewer' };
    await admin.getByLabel('Email').fill(reviewer.email);
    await admin.getByLabel('Role', { exact: true }).selectOption('reviewer');
    await admin.getByRole('button', { name: 'Make invite link' }).click();
    const link = (await admin.locator('.shown-once__value').textContent()) ?? '';
    expect(link).toMatch(/\/welcome#[\w-]{40,}$/);

    const joining = await (await browser.newContext(desktopContext)).newPage();
    await joining.goto(link);
    await joining.getByRole('heading', { name: 'Set your password' }).waitFor();
    await expectNoViolations(joining, 'the welcome page');
    await joining.getByLabel('New password').fill(reviewer.password);
    await joining.getByRole('button', { name: 'Set password and sign in' }).click();
    await joining.getByRole('banner').getByText(reviewer.email).waitFor();

    const context = await browser.newContext(desktopContext);
    const first = await signedInPage(context, server, reviewer);
    await first.getByRole('heading', { level: 2, name: 'Sessions' }).waitFor();
    await expectNoViolations(first, 'the sessions page of a reviewer');
    const second = await context.newPage();
    await second.goto(server.baseUrl);
    await second.getByRole('banner').getByText(`${reviewer.email}`).waitFor();
    expect(await second.getByRole('heading', { name: 'Sign in' }).count()).toBe(0);

    const cookies = await context.cookies();
    expect(cookies.map((cookie) => [cookie.name, cookie.httpOnly, cookie.sameSite])).toEqual([
      [sessionCookieName, true, 'Lax'],
    ]);
    for (const page of [first, second, admin]) {
      const kept = await browserStorage(page);
      expect(kept).not.toContain(server.account.apiSecret);
      expect(kept).not.toContain(server.account.apiKey);
      expect(kept).not.toContain(cookies[0]?.value ?? 'no cookie');
    }
  }, 120_000);

  it('shows a viewer no invalidate control, and the API refuses the viewer with 403', async () => {
    const { server, browser } = running();
    const viewer = await createUser(server, 'viewer');
    const pave = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
    const { session_key: key } = await pave.sessions.create({ session: { client_id: 'viewer-case' } });
    const page = await (await browser.newContext(desktopContext)).newPage();
    await page.goto(`${server.baseUrl}/sessions/${key}`);
    await signIn(page, viewer);
    await page.getByRole('heading', { level: 1, name: `Session ${key}` }).waitFor();
    await page.getByRole('heading', { name: 'Notes' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Invalidate' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /invalidate/i }).count()).toBe(0);
    const refused = await postFromPage(page, `/v1/sessions/${key}/invalidate`, { reason: 'viewer tries' }, true);
    expect(refused).toEqual({ status: 403, body: { code: 'forbidden', message: expect.stringContaining('viewer') } });
    expect((await pave.sessions.get(key)).status).toBe('IDLE');
  }, 120_000);

  it('refuses a change sent with the cookie but without the CSRF token', async () => {
    const { server, browser } = running();
    const pave = createPaveClient({ baseUrl: server.baseUrl, ...server.account });
    const { session_key: key } = await pave.sessions.create({ session: { client_id: 'csrf-case' } });
    const page = await signedInPage(await browser.newContext(desktopContext), server, server.admin);
    const forged = await postFromPage(page, `/v1/sessions/${key}/invalidate`, { reason: 'forged' }, false);
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('csrf_refused');
    expect((await pave.sessions.get(key)).status).toBe('IDLE');
    const allowed = await postFromPage(page, `/v1/sessions/${key}/invalidate`, { reason: 'real' }, true);
    expect(allowed.status).toBe(200);
  }, 120_000);

  it('makes an API key in the app whose secret, shown once, signs requests; the audit log says who', async () => {
    const { server, browser } = running();
    const page = await signedInPage(await browser.newContext(desktopContext), server, server.admin);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByLabel('Label').fill('CRM export');
    await page.getByRole('button', { name: 'Make API key' }).click();
    const secret = (await page.locator('.shown-once__value').textContent()) ?? '';
    const apiKey =
      (await page
        .getByRole('row', { name: /CRM export/ })
        .locator('code')
        .textContent()) ?? '';
    await expectNoViolations(page, 'the API keys page');
    const machine = createPaveClient({
      baseUrl: server.baseUrl,
      username: server.account.username,
      apiKey,
      apiSecret: secret,
    });
    expect(Array.isArray((await machine.sessions.list()).sessions)).toBe(true);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('cell', { name: 'api_key.create' }).first().waitFor();
    await expectNoViolations(page, 'the audit log');
    await page.reload();
    expect(await browserStorage(page)).not.toContain(secret);
  }, 120_000);
});
