import { screen } from '@testing-library/react';
import { forbiddenMessage, loginRefusedMessage } from '@pave/domain';
import { sessionEndedNotice } from '../../../lib/clients.js';
import { createFakeApi } from '../../../testing/fake-api.js';
import { defaultFakePerson, fakePassword } from '../../../testing/fake-people.js';
import { renderApp } from '../../../testing/render-app.js';
import { buildReviewSeed, sampleKey } from '../../../testing/sample-session.js';

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user'], password = fakePassword) {
  await user.type(await screen.findByLabelText('Email'), defaultFakePerson.email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  it('signs in with email and password, keeping nothing in browser storage', async () => {
    const { user, api } = renderApp({ signedIn: false });

    await fillAndSubmit(user);

    expect(await screen.findByRole('heading', { name: 'Sessions', level: 2 })).toBeInTheDocument();
    expect(api.calls.slice(0, 2)).toEqual(['GET /v1/auth/me', 'POST /v1/auth/login']);
    expect(window.sessionStorage.length).toBe(0);
    expect(window.localStorage.length).toBe(0);
    expect(screen.getByText(defaultFakePerson.email)).toBeInTheDocument();
  });

  it('opens signed in when the browser already holds a session (a new tab)', async () => {
    const { api } = renderApp();

    expect(await screen.findByRole('heading', { name: 'Sessions', level: 2 })).toBeInTheDocument();
    expect(api.calls[0]).toBe('GET /v1/auth/me');
    expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull();
  });

  it('shows the server message when the password is wrong', async () => {
    const { user } = renderApp({ signedIn: false });

    await fillAndSubmit(user, 'not the password');

    expect(await screen.findByRole('alert')).toHaveTextContent(loginRefusedMessage);
  });

  it('asks for both fields before sending anything', async () => {
    const { user, api } = renderApp({ signedIn: false });

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Fill in your email address and your password.');
    expect(api.calls).toEqual(['GET /v1/auth/me']);
  });

  it('signs out on the server and forgets every cached answer', async () => {
    const { user, queryCache, api } = renderApp();
    await screen.findByRole('heading', { name: 'Sessions', level: 2 });
    expect(queryCache.size()).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(api.calls).toContain('POST /v1/auth/logout');
    expect(queryCache.size()).toBe(0);
  });

  it('sends a tab whose session ended back to sign-in, saying why', async () => {
    const api = createFakeApi();
    const { user, queryCache } = renderApp({ api });
    await screen.findByRole('heading', { name: 'Sessions', level: 2 });

    api.endSession();
    await user.click(screen.getByRole('button', { name: 'New session' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(`Signed out${sessionEndedNotice}`);
    expect(queryCache.size()).toBe(0);

    await fillAndSubmit(user);

    expect(await screen.findByRole('heading', { name: 'Sessions', level: 2 })).toBeInTheDocument();
  });

  it('stays signed in when a call fails for another reason', async () => {
    const api = createFakeApi();
    const unavailable = { code: 'unavailable', message: 'Storage is unavailable; try again shortly.' } as const;
    // the client tries a GET three times before it gives up
    api.failNext('GET /v1/sessions', unavailable, 3);
    renderApp({ api });

    expect(await screen.findByRole('alert')).toHaveTextContent(unavailable.message);
    expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull();
  });
});

describe('roles in the review app', () => {
  it('shows a viewer the session without the forms that change it', async () => {
    const viewer = { email: 'vic@example.com', role: 'viewer' } as const;
    const api = createFakeApi({ sessions: [buildReviewSeed()], signedIn: viewer });
    renderApp({ api, path: `/sessions/${sampleKey}` });

    expect(await screen.findByRole('heading', { name: `Session ${sampleKey}` })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Notes' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Invalidate' })).toBeNull();
    expect(screen.queryByLabelText('New note')).toBeNull();
    expect(screen.queryByRole('link', { name: 'People' })).toBeNull();
  });

  it('refuses the admin pages to a reviewer, naming the role', async () => {
    const api = createFakeApi({ signedIn: { email: 'rita@example.com', role: 'reviewer' } });
    renderApp({ api, path: '/admin/people' });

    expect(await screen.findByRole('alert')).toHaveTextContent(forbiddenMessage('reviewer', 'administer'));
  });
});
