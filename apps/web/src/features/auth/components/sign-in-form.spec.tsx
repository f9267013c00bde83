import { screen } from '@testing-library/react';
import { PaveAuthError } from '@pave/client';
import { createFakeClient } from '../../../testing/fake-client.js';
import { renderApp, testCredentials } from '../../../testing/render-app.js';

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user']) {
  await user.type(screen.getByLabelText('Username'), testCredentials.username);
  await user.type(screen.getByLabelText('API key'), testCredentials.apiKey);
  await user.type(screen.getByLabelText('API secret'), testCredentials.apiSecret);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  it('signs in once a signed request succeeds and keeps the credentials in sessionStorage only', async () => {
    const { user, client } = renderApp({ signedIn: false });

    await fillAndSubmit(user);

    expect(await screen.findByRole('heading', { name: 'Sessions', level: 2 })).toBeInTheDocument();
    expect(client.calls[0]).toBe('sessions.list');
    expect(JSON.parse(window.sessionStorage.getItem('pave.credentials') ?? 'null')).toEqual(testCredentials);
    expect(window.localStorage.length).toBe(0);
    expect(screen.getByText('demo')).toBeInTheDocument();
  });

  it('shows the server message and stores nothing when the credentials are refused', async () => {
    const client = createFakeClient();
    client.failNext('sessions.list', new PaveAuthError(401, { message: 'Invalid API-Token.', code: 'unauthorized' }));
    const { user } = renderApp({ client, signedIn: false });

    await fillAndSubmit(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid API-Token.');
    expect(window.sessionStorage.getItem('pave.credentials')).toBeNull();
  });

  it('asks for every field before sending anything', async () => {
    const { user, client } = renderApp({ signedIn: false });

    await user.type(screen.getByLabelText('Username'), 'demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Fill in the username, the API key and the API secret.');
    expect(client.calls).toEqual([]);
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
});
