import { screen } from '@testing-library/react';
import { authErrorMessage } from '@pave/domain';
import { credentialsRefusedNotice } from '../../../lib/clients.js';
import { createFakeApi } from '../../../testing/fake-api.js';
import { renderApp, testCredentials } from '../../../testing/render-app.js';

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user']) {
  await user.type(screen.getByLabelText('Username'), testCredentials.username);
  await user.type(screen.getByLabelText('API key'), testCredentials.apiKey);
  await user.type(screen.getByLabelText('API secret'), testCredentials.apiSecret);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  it('signs in once a signed request succeeds and keeps the credentials in sessionStorage only', async () => {
    const { user, api } = renderApp({ signedIn: false });

    await fillAndSubmit(user);

    expect(await screen.findByRole('heading', { name: 'Sessions', level: 2 })).toBeInTheDocument();
    expect(api.calls[0]).toBe('GET /v1/sessions?limit=1');
    expect(JSON.parse(window.sessionStorage.getItem('pave.credentials') ?? 'null')).toEqual(testCredentials);
    expect(window.localStorage.length).toBe(0);
    expect(screen.getByText('demo')).toBeInTheDocument();
  });

  it('shows the server message and stores nothing when the credentials are refused', async () => {
    const api = createFakeApi();
    api.failNext('GET /v1/sessions', { code: 'unauthorized', message: authErrorMessage({ code: 'invalid_token' }) });
    const { user } = renderApp({ api, signedIn: false });

    await fillAndSubmit(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid API-Token.');
    expect(window.sessionStorage.getItem('pave.credentials')).toBeNull();
  });

  it('asks for every field before sending anything', async () => {
    const { user, api } = renderApp({ signedIn: false });

    await user.type(screen.getByLabelText('Username'), 'demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Fill in the username, the API key and the API secret.');
    expect(api.calls).toEqual([]);
  });

  it('forgets the credentials and every cached answer on sign-out', async () => {
    const { user, queryCache } = renderApp();
    await screen.findByRole('heading', { name: 'Sessions', level: 2 });
    expect(queryCache.size()).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(window.sessionStorage.getItem('pave.credentials')).toBeNull();
    expect(queryCache.size()).toBe(0);
  });

  it('sends a signed-in tab back to sign-in, saying why, when the API refuses its credentials', async () => {
    const api = createFakeApi();
    api.failNext('GET /v1/sessions', { code: 'unauthorized', message: authErrorMessage({ code: 'unknown_api_key' }) });
    const { user, queryCache } = renderApp({ api });

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(`Signed out${credentialsRefusedNotice}`);
    expect(window.sessionStorage.getItem('pave.credentials')).toBeNull();
    expect(queryCache.size()).toBe(0);

    await fillAndSubmit(user);

    expect(await screen.findByRole('heading', { name: 'Sessions', level: 2 })).toBeInTheDocument();
    expect(screen.queryByText(credentialsRefusedNotice)).toBeNull();
  });

  it('stays signed in when a call fails for another reason', async () => {
    const api = createFakeApi();
    const unavailable = { code: 'unavailable', message: 'Storage is unavailable; try again shortly.' } as const;
    // the client tries a GET three times before it gives up
    api.failNext('GET /v1/sessions', unavailable, 3);
    renderApp({ api });

    expect(await screen.findByRole('alert')).toHaveTextContent(unavailable.message);
    expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull();
    expect(window.sessionStorage.getItem('pave.credentials')).not.toBeNull();
  });
});
