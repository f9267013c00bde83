import { createPaveClient, PaveApiError, PaveAuthError } from '@pave/client';
import {
  ApiErrorBody,
  csrfHeaderName,
  csrfRefusedMessage,
  forbiddenMessage,
  loginRefusedMessage,
  sessionCookieName,
  sessionErasedMessage,
} from '@pave/domain';
import { isSealedSecret, createSealedAccountStore } from '../accounts/sealed-account-store.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { testSecretBox } from '../testing/test-secret-box.js';
import { sealApiKeySecrets } from './sealed-api-key-store.js';
import { createUsersService } from './users.service.js';
import { call } from '../testing/http-call.js';
import {
  createTestPerson,
  openTestBrowser,
  signInTestBrowser,
  type TestBrowser,
  type TestPerson,
} from '../testing/test-people.js';
import { describeEachStorage } from '../testing/test-storage.js';

// People and roles over real HTTP, through @pave/client's cookie-session client, on each storage.

const admin: TestPerson = { email: 'ada@example.com', password: 'correct horse battery', role: 'admin' };

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof PaveApiError) return error.status;
    throw error;
  }
}

/** The token of a one-time link (its fragment). */
function tokenOf(url: string): string {
  return new URL(url).hash.slice(1);
}

describeEachStorage('People and roles', (kind) => {
  let app: TestApp;
  let adminBrowser: TestBrowser;

  beforeEach(async () => {
    app = await startTestApp(kind.create, new Date('2026-03-01T10:00:00Z'));
    const account = await app.repo.accounts.findByApiKey(app.acme.apiKey);
    if (!account) throw new Error('acme missing');
    await createTestPerson(app.repo, account.id, admin);
    adminBrowser = await signInTestBrowser(app.server.baseUrl, admin);
  }, 30_000);
  afterEach(() => stopTestApp(app));

  async function join(email: string, role: TestPerson['role']): Promise<{ person: TestPerson; browser: TestBrowser }> {
    const { url } = await adminBrowser.client.admin.invites.create(email, role);
    const person = { email, password: `${role} password 123`, role };
    const browser = openTestBrowser(app.server.baseUrl);
    await browser.client.auth.accept({ token: tokenOf(url), password: person.password });
    return { person, browser };
  }

  /** A session made by the account's machine, and a viewer and a reviewer who joined the account. */
  async function sessionWithViewerAndReviewer() {
    const session = await createPaveClient({
      baseUrl: app.server.baseUrl,
      ...app.acme,
      now: app.clock.read,
    }).sessions.create();
    const { browser: viewer } = await join('vic@example.com', 'viewer');
    const { browser: reviewer } = await join('rita@example.com', 'reviewer');
    return { session, key: session.session_key, viewer, reviewer };
  }

  it('signs in with an HttpOnly, SameSite cookie and answers who is signed in', async () => {
    const answer = await call(app.server.baseUrl, 'POST', '/v1/auth/login', {
      json: { email: 'ADA@example.com ', password: admin.password },
    });
    expect(answer.status).toBe(200);
    const cookie = answer.headers.getSetCookie().find((line) => line.startsWith(`${sessionCookieName}=`)) ?? '';
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await adminBrowser.client.auth.me();
    expect(me).toMatchObject({ user: { email: admin.email, role: 'admin' }, account: 'acme' });
    expect(me.csrf_token.length).toBeGreaterThan(20);
  });

  it('refuses a wrong password and an unknown email alike, and throttles guessing with 429', async () => {
    const wrong = call(app.server.baseUrl, 'POST', '/v1/auth/login', {
      json: { email: admin.email, password: 'not the password' },
    });
    const unknown = call(app.server.baseUrl, 'POST', '/v1/auth/login', {
      json: { email: 'nobody@example.com', password: 'whatever it is' },
    });
    for (const answer of await Promise.all([wrong, unknown])) {
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ message: loginRefusedMessage });
    }
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const answer = await call(app.server.baseUrl, 'POST', '/v1/auth/login', {
        json: { email: 'target@example.com', password: `guess number ${attempt}` },
      });
      statuses.push(answer.status);
      if (answer.status === 429) expect(Number(answer.headers.get('Retry-After'))).toBeGreaterThan(0);
    }
    // a fresh email: ten refusals, then the throttle
    expect(statuses).toEqual([...Array.from({ length: 10 }, () => 401), 429]);
  }, 60_000);

  it('lets an admin invite a reviewer through a one-time link that works once', async () => {
    const { url, invite } = await adminBrowser.client.admin.invites.create('rita@example.com', 'reviewer');
    expect(url).toMatch(/\/welcome#[\w-]{40,}$/);
    expect(invite).toMatchObject({ kind: 'invite', email: 'rita@example.com', role: 'reviewer' });
    expect((await adminBrowser.client.admin.invites.list()).data).toHaveLength(1);
    const rita = openTestBrowser(app.server.baseUrl);
    const signedIn = await rita.client.auth.accept({ token: tokenOf(url), password: 'rita password 123' });
    expect(signedIn.user).toMatchObject({ email: 'rita@example.com', role: 'reviewer' });
    const again = openTestBrowser(app.server.baseUrl);
    expect(await statusOf(again.client.auth.accept({ token: tokenOf(url), password: 'another password' }))).toBe(400);
    expect((await adminBrowser.client.admin.invites.list()).data).toEqual([]);
    const emails = (await adminBrowser.client.admin.users.list()).data.map((user) => `${user.email} ${user.role}`);
    expect(emails).toEqual(['ada@example.com admin', 'rita@example.com reviewer']);
  });

  it('refuses a spent invite as a used link (400 with a message), never 409, and withdraws its duplicates', async () => {
    const first = await adminBrowser.client.admin.invites.create('rita@example.com', 'reviewer');
    const second = await adminBrowser.client.admin.invites.create('rita@example.com', 'viewer');
    await openTestBrowser(app.server.baseUrl).client.auth.accept({
      token: tokenOf(first.url),
      password: 'rita pass 1234',
    });
    const used = 'This link was used already, withdrawn or has expired; ask an admin for a new one.';
    for (const url of [first.url, second.url]) {
      const answer = await call(app.server.baseUrl, 'POST', '/v1/auth/accept', {
        json: { token: tokenOf(url), password: 'another password' },
      });
      expect([answer.status, answer.json]).toEqual([400, { message: used, code: 'invalid_request' }]);
    }
    expect((await adminBrowser.client.admin.invites.list()).data).toEqual([]);
  });

  it('keeps a first-admin link usable when its holder picks an email that is taken (409, then another email)', async () => {
    const account = await app.repo.accounts.findByApiKey(app.acme.apiKey);
    if (!account) throw new Error('acme missing');
    const users = createUsersService({
      ...app.repo,
      now: () => new Date('2026-03-01T10:00:00Z'),
      publicBaseUrl: app.server.baseUrl,
    });
    const { url } = await users.adminLink(account, 'npm run accounts');
    const holder = openTestBrowser(app.server.baseUrl);
    const taken = holder.client.auth.accept({ token: tokenOf(url), password: 'holder pass 1', email: admin.email });
    expect(await statusOf(taken)).toBe(409);
    const joined = await holder.client.auth.accept({
      token: tokenOf(url),
      password: 'holder pass 1',
      email: 'h@example.com',
    });
    expect(joined.user).toMatchObject({ email: 'h@example.com', role: 'admin' });
  });

  it('lets a reviewer review but not administer, and a viewer only read (403 with a message)', async () => {
    const { key, viewer, reviewer } = await sessionWithViewerAndReviewer();
    expect((await viewer.client.sessions.get(key)).session_key).toBe(key);
    expect((await viewer.client.sessions.list()).sessions).toHaveLength(1);
    const refused = await viewer.client.sessions.invalidate(key, 'blurry').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PaveAuthError);
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'forbidden', message: forbiddenMessage('viewer', 'review') },
    });
    expect(await statusOf(viewer.client.sessions.notes.add(key, 'hi'))).toBe(403);
    expect(await statusOf(reviewer.client.admin.users.list())).toBe(403);
    expect(await statusOf(reviewer.client.admin.apiKeys.list())).toBe(403);
    expect(await statusOf(reviewer.client.callbacks.list())).toBe(403);
    expect((await reviewer.client.sessions.notes.add(key, 'checked')).author).toBe('rita@example.com');
    expect((await reviewer.client.sessions.invalidate(key, 'wrong car')).status).toBe('INVALID');
  });

  it('gives a viewer capture links without their token; reviewers and HMAC requests get the whole link', async () => {
    const { session, key, viewer, reviewer } = await sessionWithViewerAndReviewer();
    const bare = `${app.server.baseUrl}/capture/${key}`;
    expect(session.capture_url).toMatch(new RegExp(`^${bare}#.+`));

    expect((await viewer.client.sessions.get(key)).capture_url).toBe(bare);
    expect((await viewer.client.sessions.list()).sessions.map((listed) => listed.capture_url)).toEqual([bare]);
    expect((await reviewer.client.sessions.get(key)).capture_url).toBe(session.capture_url);
    expect((await adminBrowser.client.sessions.list()).sessions[0]?.capture_url).toBe(session.capture_url);
  });

  it('lets only an admin erase a session for good: a reviewer gets 403 with a message; HMAC keeps erase', async () => {
    const pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read });
    const [first, second] = [await pave.sessions.create(), await pave.sessions.create()];
    const { browser: reviewer } = await join('rita@example.com', 'reviewer');
    const erase = (browser: TestBrowser, key: string) =>
      browser.client.transport({ method: 'POST', path: `/v1/sessions/${key}/erase`, schema: ApiErrorBody });

    const refused = await erase(reviewer, first.session_key).catch((error: unknown) => error);

    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'forbidden', message: forbiddenMessage('reviewer', 'administer') },
    });
    expect((await reviewer.client.sessions.get(first.session_key)).session_key).toBe(first.session_key);
    expect((await erase(adminBrowser, first.session_key)).message).toBe(sessionErasedMessage(first.session_key));
    const signed = await call(app.server.baseUrl, 'POST', `/v1/sessions/${second.session_key}/erase`, {
      credentials: app.acme,
      at: app.clock.now,
    });
    expect(signed.status).toBe(200);
  });

  it('refuses a state-changing cookie request without the CSRF token, and HMAC requests need none', async () => {
    const session = await createPaveClient({
      baseUrl: app.server.baseUrl,
      ...app.acme,
      now: app.clock.read,
    }).sessions.create();
    const cookie = `${sessionCookieName}=${adminBrowser.cookie() ?? ''}`;
    const path = `/v1/sessions/${session.session_key}/invalidate`;
    const json = { reason: 'forged' };
    const without = await call(app.server.baseUrl, 'POST', path, { json, headers: { Cookie: cookie } });
    expect(without.status).toBe(403);
    expect(without.json).toMatchObject({ code: 'csrf_refused', message: csrfRefusedMessage });
    const wrong = await call(app.server.baseUrl, 'POST', path, {
      json,
      headers: { Cookie: cookie, [csrfHeaderName]: 'x' },
    });
    expect(wrong.status).toBe(403);
    const read = await call(app.server.baseUrl, 'GET', `/v1/sessions/${session.session_key}`, {
      headers: { Cookie: cookie },
    });
    expect(read.status).toBe(200);
    expect((await app.repo.sessions.findByKey(session.session_key, 'any'))?.status).toBe('IDLE');
    const signed = await call(app.server.baseUrl, 'POST', path, { json, credentials: app.acme, at: app.clock.now });
    expect(signed.status).toBe(200);
  });

  it('signs one browser out, or every browser of the person', async () => {
    const second = await signInTestBrowser(app.server.baseUrl, admin);
    const third = await signInTestBrowser(app.server.baseUrl, admin);
    await second.client.auth.logout();
    expect(await statusOf(second.client.auth.me())).toBe(401);
    expect((await third.client.auth.me()).user.email).toBe(admin.email);
    expect(await adminBrowser.client.auth.logoutEverywhere()).toEqual({ ended: 2 });
    expect(await statusOf(third.client.auth.me())).toBe(401);
    expect(await statusOf(adminBrowser.client.auth.me())).toBe(401);
  });

  it("resets a person's password with a one-time link, ending their sessions", async () => {
    const { person, browser } = await join('rita@example.com', 'reviewer');
    const rita = (await adminBrowser.client.admin.users.list()).data.find((user) => user.email === person.email);
    if (!rita) throw new Error('rita missing');
    const { url, invite } = await adminBrowser.client.admin.users.resetPassword(rita.id);
    expect(invite.kind).toBe('reset');
    const fresh = openTestBrowser(app.server.baseUrl);
    await fresh.client.auth.accept({ token: tokenOf(url), password: 'a brand new password' });
    expect(await statusOf(browser.client.auth.me())).toBe(401);
    expect(
      await statusOf(
        openTestBrowser(app.server.baseUrl).client.auth.login({ email: person.email, password: person.password }),
      ),
    ).toBe(401);
    const again = openTestBrowser(app.server.baseUrl);
    await again.client.auth.login({ email: person.email, password: 'a brand new password' });
    expect((await again.client.auth.me()).user.role).toBe('reviewer');
  });

  it('changes roles at once, keeps one admin, and removes people', async () => {
    const { browser: rita } = await join('rita@example.com', 'reviewer');
    const users = (await adminBrowser.client.admin.users.list()).data;
    const [ada, ritaRow] = users;
    if (!ada || !ritaRow) throw new Error('people missing');
    expect(await statusOf(adminBrowser.client.admin.users.setRole(ada.id, 'viewer'))).toBe(409);
    expect(await statusOf(adminBrowser.client.admin.users.remove(ada.id))).toBe(409);
    await adminBrowser.client.admin.users.setRole(ritaRow.id, 'admin');
    expect((await rita.client.admin.users.list()).data).toHaveLength(2);
    await rita.client.admin.users.setRole(ada.id, 'viewer');
    expect(await statusOf(adminBrowser.client.admin.users.list())).toBe(403);
    await rita.client.admin.users.remove(ada.id);
    expect(await statusOf(adminBrowser.client.auth.me())).toBe(401);
  });

  it('makes, rotates and revokes API keys whose secret is shown once, and signs with them', async () => {
    const created = await adminBrowser.client.admin.apiKeys.create('CRM export');
    expect(created).toMatchObject({ username: 'acme', key: { label: 'CRM export', primary: false, revoked_at: null } });
    const listed = await adminBrowser.client.admin.apiKeys.list();
    expect(listed.data.map((key) => key.api_key)).toEqual([app.acme.apiKey, created.key.api_key]);
    expect(JSON.stringify(listed)).not.toContain(created.api_secret);
    const signer = (apiSecret: string) =>
      createPaveClient({
        baseUrl: app.server.baseUrl,
        username: 'acme',
        apiKey: created.key.api_key,
        apiSecret,
        now: app.clock.read,
        retry: { limit: 0 },
      });
    expect((await signer(created.api_secret).sessions.list()).sessions).toEqual([]);
    const rotated = await adminBrowser.client.admin.apiKeys.rotate(created.key.api_key);
    expect(rotated.api_secret).not.toBe(created.api_secret);
    expect(await statusOf(signer(created.api_secret).sessions.list())).toBe(401);
    expect((await signer(rotated.api_secret).sessions.list()).sessions).toEqual([]);
    await adminBrowser.client.admin.apiKeys.revoke(created.key.api_key);
    expect(await statusOf(signer(rotated.api_secret).sessions.list())).toBe(401);
    expect(await statusOf(adminBrowser.client.admin.apiKeys.revoke(app.acme.apiKey))).toBe(400);
    expect(await statusOf(adminBrowser.client.admin.apiKeys.rotate(app.acme.apiKey))).toBe(400);
  });

  it('stores an extra key’s secret sealed, never in plain text, and seals plain rows from before', async () => {
    const created = await adminBrowser.client.admin.apiKeys.create('CRM export');
    const stored = await app.repo.apiKeys.findActive(created.key.api_key);
    expect(isSealedSecret(stored?.apiSecret ?? '')).toBe(true);
    expect(stored?.apiSecret).not.toContain(created.api_secret);
    const extra = { username: 'acme', apiKey: created.key.api_key, apiSecret: created.api_secret };
    expect(
      (await call(app.server.baseUrl, 'GET', '/v1/sessions', { credentials: extra, at: app.clock.now })).status,
    ).toBe(200);
    const rotated = await adminBrowser.client.admin.apiKeys.rotate(created.key.api_key);
    const restored = await app.repo.apiKeys.findActive(created.key.api_key);
    expect(isSealedSecret(restored?.apiSecret ?? '')).toBe(true);
    expect(restored?.apiSecret).not.toContain(rotated.api_secret);
    // a row written in plain text before sealing still authenticates, and is sealed (once) at start
    const account = await app.repo.accounts.findByApiKey(app.acme.apiKey);
    const legacy = { username: 'acme', apiKey: 'legacy-extra-key', apiSecret: 'legacy-plain-secret-1' };
    await app.repo.apiKeys.create({ accountId: account?.id ?? 0, label: 'old', createdAt: 0, ...legacy });
    const listLegacy = () =>
      call(app.server.baseUrl, 'GET', '/v1/sessions', { credentials: legacy, at: app.clock.now });
    expect((await listLegacy()).status).toBe(200);
    expect(await sealApiKeySecrets(app.repo.apiKeys, testSecretBox)).toBe(1);
    expect(await sealApiKeySecrets(app.repo.apiKeys, testSecretBox)).toBe(0);
    const sealedLegacy = await app.repo.apiKeys.findActive(legacy.apiKey);
    expect(isSealedSecret(sealedLegacy?.apiSecret ?? '')).toBe(true);
    expect(sealedLegacy?.apiSecret).not.toContain(legacy.apiSecret);
    expect((await listLegacy()).status).toBe(200);
  });

  it('refuses HMAC-signed requests on the people and admin routes: only a signed-in admin manages them', async () => {
    const created = await adminBrowser.client.admin.apiKeys.create('robot');
    const extra = { username: 'acme', apiKey: created.key.api_key, apiSecret: created.api_secret };
    for (const credentials of [app.acme, extra]) {
      const signed = (method: string, path: string, json?: unknown) =>
        call(app.server.baseUrl, method, path, { credentials, at: app.clock.now, json });
      for (const answer of [
        await signed('POST', '/v1/api-keys', { label: 'minted' }),
        await signed('GET', '/v1/api-keys'),
        await signed('POST', `/v1/api-keys/${created.key.api_key}/rotate`),
        await signed('POST', '/v1/invites', { email: 'evil@example.com', role: 'admin' }),
        await signed('GET', '/v1/users'),
        await signed('GET', '/v1/audit'),
      ]) {
        expect(answer.status).toBe(403);
        expect(answer.json).toMatchObject({ message: expect.stringContaining('signed in') });
      }
      // the machines' routes stay open to HMAC
      expect((await signed('GET', '/v1/sessions')).status).toBe(200);
    }
    expect((await adminBrowser.client.admin.apiKeys.list()).data).toHaveLength(2);
    expect((await adminBrowser.client.admin.invites.list()).data).toEqual([]);
  });

  it('does not let an extra key sign with the account’s previous secret after a rotation', async () => {
    const created = await adminBrowser.client.admin.apiKeys.create('robot');
    const previous = app.acme.apiSecret;
    const sealedAccounts = createSealedAccountStore(app.repo.accounts, testSecretBox);
    const hour = 3_600_000;
    const rotation = {
      apiKey: app.acme.apiKey,
      apiSecret: 'f'.repeat(64),
      previousUntil: app.clock.now.getTime() + hour,
    };
    expect(await sealedAccounts.rotateSecret(rotation)).not.toBeNull();
    const sign = (apiKey: string) =>
      call(app.server.baseUrl, 'GET', '/v1/sessions', {
        credentials: { username: 'acme', apiKey, apiSecret: previous },
        at: app.clock.now,
      });
    expect((await sign(app.acme.apiKey)).status).toBe(200);
    expect((await sign(created.key.api_key)).status).toBe(401);
  });

  it('sends the cookie again with a new Max-Age when a use moves the session on', async () => {
    const me = () =>
      call(app.server.baseUrl, 'GET', '/v1/auth/me', {
        headers: { Cookie: `${sessionCookieName}=${adminBrowser.cookie() ?? ''}` },
      });
    expect((await me()).headers.get('set-cookie')).toBeNull();
    app.clock.now = new Date(app.clock.now.getTime() + 2 * 24 * 3_600_000);
    const extended = await me();
    expect(extended.status).toBe(200);
    expect(extended.headers.get('set-cookie')).toMatch(new RegExp(`^${sessionCookieName}=[^;]+;.*Max-Age=1209600`));
    expect(extended.headers.get('set-cookie')).toContain('HttpOnly');
    expect((await me()).headers.get('set-cookie')).toBeNull();
  });

  it('keeps an audit log of who did what, readable by admins only, newest first', async () => {
    const pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read });
    const session = await pave.sessions.create();
    const { browser: rita } = await join('rita@example.com', 'reviewer');
    await rita.client.sessions.notes.add(session.session_key, 'looks fine');
    await rita.client.sessions.invalidate(session.session_key, 'duplicate');
    const other = await pave.sessions.create();
    await pave.sessions.delete(other.session_key);
    await adminBrowser.client.admin.apiKeys.create('robot');
    const log = await adminBrowser.client.admin.audit.list();
    const lines = log.data.map((entry) => `${entry.actor} ${entry.action} ${entry.detail}`);
    expect(lines).toEqual([
      'ada@example.com api_key.create robot',
      `API key ${app.acme.apiKey} session.delete `,
      'rita@example.com session.invalidate duplicate',
      'rita@example.com note.add looks fine',
      'rita@example.com user.join reviewer',
      'ada@example.com user.invite reviewer',
    ]);
    const page = await adminBrowser.client.admin.audit.list({ limit: 2 });
    expect(page.data).toHaveLength(2);
    const next = await adminBrowser.client.admin.audit.list({ limit: 10, before: page.next_before ?? 0 });
    expect(next.data.map((entry) => entry.action)).toEqual(log.data.slice(2).map((entry) => entry.action));
    expect(await statusOf(rita.client.admin.audit.list())).toBe(403);
  });
});
