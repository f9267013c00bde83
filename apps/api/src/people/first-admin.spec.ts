import type { Repository } from '../storage/repository.js';
import { createTestAccount } from '../testing/test-accounts.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { openTestBrowser } from '../testing/test-people.js';
import { createSqliteTestStorage } from '../testing/test-storage.js';
import { runAccountsCommand } from '../accounts/accounts-command.js';
import { createAccountsService } from '../accounts/accounts.service.js';
import { ensureFirstAdmin } from './first-admin.js';
import { createUsersService } from './users.service.js';

const now = () => new Date('2026-03-01T10:00:00Z');

describe('the first admin', () => {
  let app: TestApp;
  let repo: Repository;

  beforeEach(async () => {
    app = await startTestApp(() => Promise.resolve(createSqliteTestStorage()), now());
    repo = app.repo;
  });
  afterEach(() => stopTestApp(app));

  it('is a one-time link at a start with nobody to sign in, whose holder chooses their email', async () => {
    const first = await ensureFirstAdmin(repo, { bootstrapAdmin: null, publicBaseUrl: app.server.baseUrl, now });
    if (first.kind !== 'link') throw new Error(`expected a link, got ${first.kind}`);
    const browser = openTestBrowser(app.server.baseUrl);
    const token = new URL(first.url).hash.slice(1);
    await expect(browser.client.auth.accept({ token, password: 'first admin pass' })).rejects.toMatchObject({
      status: 400,
    });
    const signedIn = await browser.client.auth.accept({ token, password: 'first admin pass', email: 'Me@Example.com' });
    expect(signedIn).toMatchObject({ user: { email: 'me@example.com', role: 'admin' }, account: 'acme' });
    expect(await ensureFirstAdmin(repo, { bootstrapAdmin: null, publicBaseUrl: app.server.baseUrl, now })).toEqual({
      kind: 'none',
    });
  });

  it('is one valid link at a time: each start withdraws the earlier starts’ unused links', async () => {
    const options = { bootstrapAdmin: null, publicBaseUrl: app.server.baseUrl, now };
    const links: string[] = [];
    for (let start = 0; start < 3; start += 1) {
      const first = await ensureFirstAdmin(repo, options);
      if (first.kind !== 'link') throw new Error(`expected a link, got ${first.kind}`);
      links.push(first.url);
    }
    const account = await repo.accounts.findByUsername('acme');
    expect((await repo.users.listInvites(account?.id ?? 0, now().getTime())).length).toBe(1);
    const browser = openTestBrowser(app.server.baseUrl);
    const [oldest, , last] = links;
    await expect(
      browser.client.auth.accept({
        token: new URL(oldest ?? '').hash.slice(1),
        password: 'first admin pass',
        email: 'a@example.com',
      }),
    ).rejects.toMatchObject({ status: 400 });
    const signedIn = await browser.client.auth.accept({
      token: new URL(last ?? '').hash.slice(1),
      password: 'first admin pass',
      email: 'a@example.com',
    });
    expect(signedIn.user.role).toBe('admin');
  });

  it('leaves the links of `npm run accounts -- admin-link` valid', async () => {
    const account = await repo.accounts.findByUsername('acme');
    if (!account) throw new Error('acme missing');
    const users = createUsersService({ ...repo, now, publicBaseUrl: app.server.baseUrl });
    const byCommand = await users.adminLink(account, 'npm run accounts');
    await ensureFirstAdmin(repo, { bootstrapAdmin: null, publicBaseUrl: app.server.baseUrl, now });
    const browser = openTestBrowser(app.server.baseUrl);
    const token = new URL(byCommand.url).hash.slice(1);
    const signedIn = await browser.client.auth.accept({ token, password: 'first admin pass', email: 'c@example.com' });
    expect(signedIn.user.role).toBe('admin');
  });

  it('is PAVE_BOOTSTRAP_ADMIN when set, who signs in with that password', async () => {
    const bootstrapAdmin = { email: 'ops@example.com', password: 'from the environment' };
    const first = await ensureFirstAdmin(repo, { bootstrapAdmin, publicBaseUrl: app.server.baseUrl, now });
    expect(first).toEqual({ kind: 'created', email: 'ops@example.com' });
    const browser = openTestBrowser(app.server.baseUrl);
    expect((await browser.client.auth.login(bootstrapAdmin)).user.role).toBe('admin');
  });

  it('can be made by `npm run accounts -- admin-link <username>`', async () => {
    await createTestAccount(repo, 'other');
    const users = createUsersService({ ...repo, now, publicBaseUrl: app.server.baseUrl });
    const makeLink = async (username: string) => {
      const account = await repo.accounts.findByUsername(username);
      return account && (await users.adminLink(account, 'npm run accounts')).url;
    };
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    const accounts = createAccountsService({ accounts: repo.accounts, now });
    expect(await runAccountsCommand(['admin-link', 'other'], accounts, io, makeLink)).toBe(0);
    expect(await runAccountsCommand(['admin-link', 'nobody'], accounts, io, makeLink)).toBe(1);
    expect(err).toEqual(['No account nobody.']);
    const url = out[1]?.trim() ?? '';
    const browser = openTestBrowser(app.server.baseUrl);
    const token = new URL(url).hash.slice(1);
    const signedIn = await browser.client.auth.accept({ token, password: 'other admin pass', email: 'o@example.com' });
    expect(signedIn).toMatchObject({ account: 'other', user: { role: 'admin' } });
  });
});
