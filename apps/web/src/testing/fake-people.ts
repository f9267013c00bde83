import {
  authErrorMessage,
  authHeaderNames,
  csrfHeaderName,
  csrfRefusedMessage,
  forbiddenMessage,
  LoginRequest,
  loginRefusedMessage,
  permissionFor,
  roleCan,
  type Role,
  type SignedIn,
} from '@pave/domain';
import { answer, parseBody, refuse, type FakeAnswer, type FakeHandler } from './fake-api-answers.js';

/** A person the fake API knows; everyone's password is {@link fakePassword}. */
export type FakePerson = { readonly email: string; readonly role: Role };

/** The password of every fake person. */
export const fakePassword = 'correct horse battery';

/** The CSRF token of the fake's session. */
export const fakeCsrfToken = 'fake-csrf-token';

/** Who the fake API signs in by default: an admin (every control of the app shows). */
export const defaultFakePerson: FakePerson = { email: 'ada@example.com', role: 'admin' };

function signedInAs(person: FakePerson, username: string): SignedIn {
  return {
    user: {
      id: 1,
      email: person.email,
      role: person.role,
      created_at: '2026-01-01T00:00:00+00:00',
      last_login_at: null,
    },
    account: username,
    csrf_token: fakeCsrfToken,
  };
}

/**
 * The fake API's people: one browser's cookie session (the fake is one browser), the people who may sign in, and the
 * API's checks of a cookie request (session, CSRF token on changes, the role's permission), from the domain's rules.
 */
export function createFakePeople(options: {
  people: readonly FakePerson[];
  signedIn: FakePerson | null;
  username: string;
}) {
  let current: FakePerson | null = options.signedIn;
  const routes = {
    'POST /v1/auth/login': async ({ request }) => {
      const body = await parseBody(LoginRequest, request, 'sign-in');
      if (!body.ok) return body.answer;
      const person = options.people.find((candidate) => candidate.email === body.value.email);
      if (!person || body.value.password !== fakePassword) return refuse('unauthorized', loginRefusedMessage);
      current = person;
      return answer(200, signedInAs(person, options.username));
    },
    'GET /v1/auth/me': () =>
      current ? answer(200, signedInAs(current, options.username)) : refuse('unauthorized', 'Not signed in.'),
    'POST /v1/auth/logout': () => {
      current = null;
      return answer(200, { message: 'Signed out.' });
    },
  } satisfies Record<string, FakeHandler>;
  return {
    routes,
    /** The API's answer to a cookie request it refuses; null when it would serve it. */
    check(request: Request, path: string): FakeAnswer | null {
      // no session: the API judges the request by its (missing) signature headers
      if (!current)
        return refuse('unauthorized', authErrorMessage({ code: 'missing_header', header: authHeaderNames.apiKey }));
      const safe = request.method === 'GET' || request.method === 'HEAD';
      if (!safe && request.headers.get(csrfHeaderName) !== fakeCsrfToken)
        return refuse('csrf_refused', csrfRefusedMessage);
      const needed = permissionFor(request.method, path);
      return roleCan(current.role, needed) ? null : refuse('forbidden', forbiddenMessage(current.role, needed));
    },
    /** Who is signed in, as `GET /v1/auth/me` answers it; null when nobody. */
    signedIn: (): SignedIn | null => (current ? signedInAs(current, options.username) : null),
    /** Ends the session, as a sign-out elsewhere or an expiry would. */
    endSession: () => {
      current = null;
    },
  };
}

/** The fake's people routes, by name. */
export type PeopleRoute = keyof ReturnType<typeof createFakePeople>['routes'];
