import { PaveAuthError, type CaptureClient, type PaveClient } from '@pave/client';
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { clearCredentials, loadCredentials, saveCredentials, type Credentials } from './credentials.js';
import { useQueryCache } from './query-cache-provider.js';

/** How the app obtains its API clients; tests pass fakes. */
export type ClientFactories = {
  /** A signed-in client for the review dashboard. */
  createReviewClient: (credentials: Credentials) => PaveClient;
  /** The capture client of one capture link (its session key and token), for the phone's capture app. */
  createCaptureClient: (sessionKey: string, token: string) => CaptureClient;
  /** Where credentials are kept: `window.sessionStorage` in the app. */
  storage: Storage;
};

/** The reviewer's sign-in state. */
export type Auth = {
  client: PaveClient | null;
  username: string | null;
  /** Why the reviewer was signed out without asking (the API refused the credentials); null otherwise. */
  notice: string | null;
  /** Remembers credentials (already verified) and switches to a client signed with them. */
  signIn: (credentials: Credentials) => void;
  /** Forgets the credentials and every cached answer. */
  signOut: () => void;
  /** Builds a client for credentials without signing in (to verify them first). */
  createClient: (credentials: Credentials) => PaveClient;
};

type ClientsValue = { auth: Auth; createCaptureClient: ClientFactories['createCaptureClient'] };

const ClientsContext = createContext<ClientsValue | null>(null);

/** Said on the sign-in form after the API refused the credentials of a signed-in tab (a 401). */
export const credentialsRefusedNotice =
  "The server no longer accepts these credentials (a revoked key, a changed secret, or this computer's clock is off). Sign in again.";

type Calls = { readonly [name: string]: ((...args: never[]) => Promise<unknown>) | Calls };

/** Every call of `calls` (and of its groups, like `notes`) wrapped: a 401 answer calls `onRefused`. */
function watchCalls(calls: Calls, onRefused: () => void): Calls {
  const watched = Object.entries(calls).map(([name, call]) => {
    if (typeof call !== 'function') return [name, watchCalls(call, onRefused)];
    const watchedCall = (...args: never[]) =>
      call(...args).catch((error: unknown) => {
        if (error instanceof PaveAuthError) onRefused();
        throw error;
      });
    return [name, watchedCall];
  });
  return Object.fromEntries(watched) as Calls;
}

/**
 * The client with every signed call watched: a 401 answer calls `onRefused` (and still rejects the call). The live
 * streams are passed as they are (async iterators, not promises: a refused stream rejects its reader, who polls).
 */
function watchRefusals(client: PaveClient, onRefused: () => void): PaveClient {
  const { events, allEvents, ...promised } = client.sessions;
  const watched = watchCalls(promised as unknown as Calls, onRefused) as unknown as Omit<
    PaveClient['sessions'],
    'events' | 'allEvents'
  >;
  return { ...client, sessions: { ...watched, events, allEvents } };
}

/** Props of {@link ClientsProvider}. */
export type ClientsProviderProps = { factories: ClientFactories; children: ReactNode };

/** Provides the API clients and the sign-in state; must sit inside a QueryCacheProvider. */
export function ClientsProvider({ factories, children }: ClientsProviderProps) {
  const cache = useQueryCache();
  const [credentials, setCredentials] = useState(() => loadCredentials(factories.storage));
  const [notice, setNotice] = useState<string | null>(null);
  const signIn = useCallback(
    (verified: Credentials) => {
      saveCredentials(factories.storage, verified);
      cache.clear();
      setNotice(null);
      setCredentials(verified);
    },
    [factories, cache],
  );
  const signOut = useCallback(() => {
    clearCredentials(factories.storage);
    cache.clear();
    setCredentials(null);
  }, [factories, cache]);
  // a signed-in tab whose credentials the API refuses goes back to the sign-in form, saying why
  const client = useMemo(
    () =>
      credentials &&
      watchRefusals(factories.createReviewClient(credentials), () => {
        signOut();
        setNotice(credentialsRefusedNotice);
      }),
    [credentials, factories, signOut],
  );
  const value = useMemo<ClientsValue>(
    () => ({
      auth: {
        client,
        username: credentials?.username ?? null,
        notice,
        signIn,
        signOut,
        createClient: factories.createReviewClient,
      },
      createCaptureClient: factories.createCaptureClient,
    }),
    [client, credentials, notice, signIn, signOut, factories],
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

const CaptureLinkContext = createContext<CaptureClient | null>(null);

/** Props of {@link CaptureLinkProvider}. */
export type CaptureLinkProviderProps = { sessionKey: string; token: string; children: ReactNode };

/** Provides the capture client of the link the page was opened with (its key, and the token of its fragment). */
export function CaptureLinkProvider({ sessionKey, token, children }: CaptureLinkProviderProps) {
  const { createCaptureClient } = useClients();
  const client = useMemo(() => createCaptureClient(sessionKey, token), [createCaptureClient, sessionKey, token]);
  return <CaptureLinkContext value={client}>{children}</CaptureLinkContext>;
}

/** The capture client of the opened link; only below a {@link CaptureLinkProvider}. */
export function useCaptureClient(): CaptureClient {
  const client = use(CaptureLinkContext);
  if (!client) throw new Error('invariant: useCaptureClient needs a CaptureLinkProvider above it');
  return client;
}
