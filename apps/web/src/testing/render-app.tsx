import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { App } from '../app/app.js';
import { ClientsProvider, type ClientFactories } from '../lib/clients.js';
import { saveCredentials, type Credentials } from '../lib/credentials.js';
import { createQueryCache, type QueryCache } from '../lib/query-cache.js';
import { QueryCacheProvider } from '../lib/query-cache-provider.js';
import { createFakeClient, type FakeClient } from './fake-client.js';

/** The credentials tests sign in with. */
export const testCredentials: Credentials = { username: 'demo', apiKey: 'key-123', apiSecret: 'secret-456' };

/** Options of {@link renderApp} and {@link renderWithProviders}. */
export type RenderOptions = {
  client?: FakeClient;
  /** The URL (path and query) to start at; default `/`. */
  path?: string;
  /** Start signed in (credentials in sessionStorage); default true. */
  signedIn?: boolean;
};

/** What the render helpers return: Testing Library's result plus the user, fake client and query cache. */
export type RenderedApp = RenderResult & {
  user: ReturnType<typeof userEvent.setup>;
  client: FakeClient;
  queryCache: QueryCache;
};

function prepare(options: RenderOptions) {
  const client = options.client ?? createFakeClient();
  window.history.replaceState(null, '', options.path ?? '/');
  if (options.signedIn ?? true) saveCredentials(window.sessionStorage, testCredentials);
  const factories: ClientFactories = {
    createReviewClient: () => client,
    captureClient: client.capture,
    storage: window.sessionStorage,
  };
  return { client, factories, queryCache: createQueryCache(), user: userEvent.setup() };
}

/** Renders the whole app (router included) over a fake client. */
export function renderApp(options: RenderOptions = {}): RenderedApp {
  const { client, factories, queryCache, user } = prepare(options);
  const view = render(<App factories={factories} queryCache={queryCache} />);
  return { ...view, user, client, queryCache };
}

/** Renders one component inside the app's providers over a fake client. */
export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}): RenderedApp {
  const { client, factories, queryCache, user } = prepare(options);
  const view = render(
    <QueryCacheProvider cache={queryCache}>
      <ClientsProvider factories={factories}>{ui}</ClientsProvider>
    </QueryCacheProvider>,
  );
  return { ...view, user, client, queryCache };
}
