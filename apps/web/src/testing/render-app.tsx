import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { App } from '../app/app.js';
import { ClientsProvider, type ClientFactories } from '../lib/clients.js';
import { saveCredentials, type Credentials } from '../lib/credentials.js';
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

/** What the render helpers return: Testing Library's result plus the user, fake client and query client. */
export type RenderedApp = RenderResult & {
  user: ReturnType<typeof userEvent.setup>;
  client: FakeClient;
  queryClient: QueryClient;
};

/** A query client for tests: no retries, nothing garbage-collected mid-test. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

function prepare(options: RenderOptions) {
  const client = options.client ?? createFakeClient();
  window.history.replaceState(null, '', options.path ?? '/');
  if (options.signedIn ?? true) saveCredentials(window.sessionStorage, testCredentials);
  const factories: ClientFactories = {
    createReviewClient: () => client,
    captureClient: client.capture,
    storage: window.sessionStorage,
  };
  return { client, factories, queryClient: createTestQueryClient(), user: userEvent.setup() };
}

/** Renders the whole app (router included) over a fake client. */
export function renderApp(options: RenderOptions = {}): RenderedApp {
  const { client, factories, queryClient, user } = prepare(options);
  const view = render(<App factories={factories} queryClient={queryClient} />);
  return { ...view, user, client, queryClient };
}

/** Renders one component inside the app's providers over a fake client. */
export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}): RenderedApp {
  const { client, factories, queryClient, user } = prepare(options);
  const view = render(
    <QueryClientProvider client={queryClient}>
      <ClientsProvider factories={factories}>{ui}</ClientsProvider>
    </QueryClientProvider>,
  );
  return { ...view, user, client, queryClient };
}
