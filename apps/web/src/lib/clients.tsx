import type { CaptureClient, PaveClient } from '@pave/client';
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { clearCredentials, loadCredentials, saveCredentials, type Credentials } from './credentials.js';
import { useQueryCache } from './query-cache-provider.js';

/** How the app obtains its API clients; tests pass fakes. */
export type ClientFactories = {
  /** A signed-in client for the review dashboard. */
  createReviewClient: (credentials: Credentials) => PaveClient;
  /** The credential-less client the phone's capture app uses. */
  captureClient: CaptureClient;
  /** Where credentials are kept: `window.sessionStorage` in the app. */
  storage: Storage;
};

/** The reviewer's sign-in state. */
export type Auth = {
  client: PaveClient | null;
  username: string | null;
  /** Remembers credentials (already verified) and switches to a client signed with them. */
  signIn: (credentials: Credentials) => void;
  /** Forgets the credentials and every cached answer. */
  signOut: () => void;
  /** Builds a client for credentials without signing in (to verify them first). */
  createClient: (credentials: Credentials) => PaveClient;
};

type ClientsValue = { auth: Auth; captureClient: CaptureClient };

const ClientsContext = createContext<ClientsValue | null>(null);

type SignedIn = { client: PaveClient; username: string } | null;

function initialSignIn(factories: ClientFactories): SignedIn {
  const stored = loadCredentials(factories.storage);
  return stored ? { client: factories.createReviewClient(stored), username: stored.username } : null;
}

/** Props of {@link ClientsProvider}. */
export type ClientsProviderProps = { factories: ClientFactories; children: ReactNode };

/** Provides the API clients and the sign-in state; must sit inside a QueryCacheProvider. */
export function ClientsProvider({ factories, children }: ClientsProviderProps) {
  const cache = useQueryCache();
  const [signedIn, setSignedIn] = useState<SignedIn>(() => initialSignIn(factories));
  const signIn = useCallback(
    (credentials: Credentials) => {
      saveCredentials(factories.storage, credentials);
      cache.clear();
      setSignedIn({ client: factories.createReviewClient(credentials), username: credentials.username });
    },
    [factories, cache],
  );
  const signOut = useCallback(() => {
    clearCredentials(factories.storage);
    cache.clear();
    setSignedIn(null);
  }, [factories, cache]);
  const value = useMemo<ClientsValue>(
    () => ({
      auth: {
        client: signedIn?.client ?? null,
        username: signedIn?.username ?? null,
        signIn,
        signOut,
        createClient: factories.createReviewClient,
      },
      captureClient: factories.captureClient,
    }),
    [signedIn, signIn, signOut, factories],
  );
  return <ClientsContext value={value}>{children}</ClientsContext>;
}

function useClients(): ClientsValue {
  const value = use(ClientsContext);
  if (!value) throw new Error('invariant: useClients needs a ClientsProvider above it');
  return value;
}

/** The reviewer's sign-in state and actions. */
export function useAuth(): Auth {
  return useClients().auth;
}

/** The signed-in review client; only for components rendered behind a sign-in. */
export function useReviewClient(): PaveClient {
  const { client } = useClients().auth;
  if (!client) throw new Error('invariant: useReviewClient is used only when signed in');
  return client;
}

/** The capture client (no credentials). */
export function useCaptureClient(): CaptureClient {
  return useClients().captureClient;
}
