import { screen } from '@testing-library/react';
import { createFakeApi } from '../testing/fake-api.js';
import { defaultFakePerson, fakePassword } from '../testing/fake-people.js';
import { renderApp } from '../testing/render-app.js';
import { buildReviewSeed, sampleKey } from '../testing/sample-session.js';

describe('AppRouter', () => {
  it('asks a signed-out reviewer to sign in on a session link, then shows that session', async () => {
    const api = createFakeApi({ sessions: [buildReviewSeed()] });
    const { user } = renderApp({ api, path: `/sessions/${sampleKey}`, signedIn: false });

    await user.type(await screen.findByLabelText('Email'), defaultFakePerson.email);
    await user.type(screen.getByLabelText('Password'), fakePassword);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: `Session ${sampleKey}` })).toBeInTheDocument();
    expect(window.location.pathname).toBe(`/sessions/${sampleKey}`);
  });

  it('loads the capture app without credentials and without the review banner', async () => {
    const api = createFakeApi({ sessions: [buildReviewSeed()] });
    renderApp({ api, path: `/capture/${sampleKey}`, signedIn: false });

    expect(await screen.findByRole('heading', { name: 'Vehicle inspection', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'PAVE sessions' })).toBeNull();
  });

  it('shows a not-found page with a way back for unknown paths', () => {
    renderApp({ path: '/nowhere' });

    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the sessions list' })).toHaveAttribute('href', '/');
  });
});
