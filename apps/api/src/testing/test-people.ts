import { buildAdminClient, createPeopleClient, type AdminClient, type PeopleClient } from '@pave/client';
import { sessionCookieName, type Role } from '@pave/domain';
import { hashPassword } from '../people/password-hash.js';
import type { UserRow } from '../storage/people-repository.js';
import type { Repository } from '../storage/repository.js';

/** A person as a test holds them. */
export type TestPerson = { readonly email: string; readonly password: string; readonly role: Role };

/** A `fetch` that keeps the session cookie the server sets and sends it back, as a browser does. */
export function createCookieFetch(): { fetch: typeof fetch; cookie: () => string | null } {
  let session: string | null = null;
  const cookieFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (session !== null) request.headers.set('Cookie', `${sessionCookieName}=${session}`);
    const response = await fetch(request);
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name, value = ''] = pair.split('=');
      if (name === sessionCookieName) session = value === '' ? null : value;
    }
    return response;
  };
  return { fetch: cookieFetch, cookie: () => session };
}

/** A person stored straight into an account (the way `PAVE_BOOTSTRAP_ADMIN` makes the first admin). */
export async function createTestPerson(
  repo: Repository,
  accountId: number,
  person: TestPerson,
  createdAt = Date.UTC(2021, 0, 1),
): Promise<UserRow> {
  const created = await repo.users.create({
    accountId,
    email: person.email,
    passwordHash: await hashPassword(person.password),
    role: person.role,
    createdAt,
  });
  if (!created.ok) throw new Error(`test person ${person.email} exists`);
  return created.value;
}

/** A browser of one person: its client (with its own cookie jar, and the admin's routes) and the cookie it holds. */
export type TestBrowser = {
  readonly client: PeopleClient & { admin: AdminClient };
  readonly cookie: () => string | null;
};

/** A new browser (an empty cookie jar) on the server; not signed in until `client.auth.login`. */
export function openTestBrowser(baseUrl: string): TestBrowser {
  const jar = createCookieFetch();
  let csrf: string | null = null;
  const client = createPeopleClient({ baseUrl, fetch: jar.fetch, csrfToken: () => csrf, retry: { limit: 0 } });
  const remember = <T extends { csrf_token: string }>(signedIn: T): T => {
    csrf = signedIn.csrf_token;
    return signedIn;
  };
  const auth = {
    ...client.auth,
    login: async (...args: Parameters<PeopleClient['auth']['login']>) => remember(await client.auth.login(...args)),
    accept: async (...args: Parameters<PeopleClient['auth']['accept']>) => remember(await client.auth.accept(...args)),
    me: async (...args: Parameters<PeopleClient['auth']['me']>) => remember(await client.auth.me(...args)),
  };
  return { client: { ...client, auth, admin: buildAdminClient(client.transport) }, cookie: jar.cookie };
}

/** Opens a browser and signs `person` in. */
export async function signInTestBrowser(baseUrl: string, person: TestPerson): Promise<TestBrowser> {
  const browser = openTestBrowser(baseUrl);
  await browser.client.auth.login({ email: person.email, password: person.password });
  return browser;
}
