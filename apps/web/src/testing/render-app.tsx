import { createPaveClient, type PaveClient } from '@pave/client';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { App } from '../app/app.js';
import { ClientsProvider } from '../lib/clients.js';
import { createBrowserClientFactories } from '../lib/create-clients.js';
import { createQueryCache, type QueryCache } from '../lib/query-cache.js';
import { QueryCacheProvider } from '../lib/query-cache-provider.js';
import { fakeApiBaseUrl } from './fake-api-answers.js';
import { createFakeApi, type FakeApi } from './fake-api.js';

/** An integrator's credentials, for reading the fake API's answers the way a machine would (signed). */
const machineCredentials = { username: 'demo', apiKey: 'key-123', apiSecret: 'secret-456' };

/** Options of {@link renderApp} and {@link renderWithProviders}. */
export type RenderOptions = {
  /** The API the app talks to; default: a fake API with no sessions. */
  api?: FakeApi;
  /** The URL (path and query) to start at; default `/`. */
  path?: string;
  /** Start signed in (the fake API's browser session is alive); default true. */
  signedIn?: boolean;
};

/** What the render helpers return: Testing Library's result plus the user, the fake API and the query cache. */
export type RenderedApp = RenderResult & {
  user: ReturnType<typeof userEvent.setup>;
  api: FakeApi;
  queryCache: QueryCache;
};

// the app's own clients (real @pave/client: signing, retries, parsing, errors) with the fake API's fetch
function prepare(options: RenderOptions) {
  const api = options.api ?? createFakeApi();
  window.history.replaceState(null, '', options.path ?? '/');
  if (!(options.signedIn ?? true)) api.endSession();
  const factories = createBrowserClientFactories({ env: { apiBaseUrl: fakeApiBaseUrl }, fetch: api.fetch });
  return { api, factories, queryCache: createQueryCache(), user: userEvent.setup() };
}

/** Renders the whole app (router included) over a fake API. */
export function renderApp(options: RenderOptions = {}): RenderedApp {
  const { api, factories, queryCache, user } = prepare(options);
  const view = render(<App factories={factories} queryCache={queryCache} />);
  return { ...view, user, api, queryCache };
}

/** Renders one component inside the app's providers over a fake API, signed in as the fake's person already. */
export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}): RenderedApp {
  const { api, factories, queryCache, user } = prepare(options);
  const view = render(
    <QueryCacheProvider cache={queryCache}>
      <ClientsProvider factories={factories} initialSignedIn={api.signedIn()}>
        {ui}
      </ClientsProvider>
    </QueryCacheProvider>,
  );
  return { ...view, user, api, queryCache };
}

/** A signed client (a machine's) over `api`: what a test reads the fake API's answers with. */
export function createTestClient(api: FakeApi): PaveClient {
  return createPaveClient({ baseUrl: fakeApiBaseUrl, ...machineCredentials, fetch: api.fetch });
}
