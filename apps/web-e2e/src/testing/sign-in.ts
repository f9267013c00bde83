import { buildAdminClient, createPeopleClient } from '@pave/client';
import { sessionCookieName } from '@pave/domain';
import type { Page } from 'playwright-core';
import type { RunningServer, TestUser } from './start-server.js';

/**
 * Signs `user` in through the form on the current page (any page behind a sign-in) and waits until the app shows
 * them signed in. The session is a cookie of the page's browser context: other pages of that context share it.
 */
export async function signIn(page: Page, user: TestUser): Promise<void> {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner').getByText(user.email).waitFor();
}

/** A `fetch` keeping the session cookie the server sets (one browser, in Node). */
function cookieFetch(): typeof fetch {
  let session: string | null = null;
  return async (input, init) => {
    const request = new Request(input, init);
    if (session !== null) request.headers.set('Cookie', `${sessionCookieName}=${session}`);
    const response = await fetch(request);
    for (const line of response.headers.getSetCookie()) {
      const [name, value = ''] = (line.split(';')[0] ?? '').split('=');
      if (name === sessionCookieName) session = value;
    }
    return response;
  };
}

let made = 0;

/**
 * Makes a person of `role` the way people join: the server's admin invites them (through the API, as the admin's
 * browser would) and they set their password with the one-time link. Returns their email and password.
 */
export async function createUser(server: RunningServer, role: TestUser['role']): Promise<TestUser> {
  let csrf: string | null = null;
  const admin = createPeopleClient({ baseUrl: server.baseUrl, fetch: cookieFetch(), csrfToken: () => csrf });
  csrf = (await admin.auth.login({ email: server.admin.email, password: server.admin.password })).csrf_token;
  made += 1;
  const user: TestUser = {
    email: `e2e-${role}-${made}-${Date.now()}@example.com`,
    password: `${role} pass ${made}!`,
    role,
  };
  const { url } = await buildAdminClient(admin.transport).invites.create(user.email, role);
  const joiner = createPeopleClient({ baseUrl: server.baseUrl, fetch: cookieFetch(), csrfToken: () => null });
  await joiner.auth.accept({ token: new URL(url).hash.slice(1), password: user.password });
  await admin.auth.logout();
  return user;
}
