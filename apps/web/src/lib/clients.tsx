import type { CaptureClient } from '@pave/client/capture';
import { PaveApiError } from '@pave/client/errors';
import type { PeopleSessionsClient } from '@pave/client/people';
import { roleCan, type Permission, type SignedIn } from '@pave/domain';
import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryCache } from './query-cache-provider.js';

/** How the app obtains its API clients; tests pass ones over a fake API. */
export type ClientFactories = {
  /**
   * The client of a person signed in with the session cookie (the browser keeps it; no API secret ever reaches the
   * page). It sends the session's CSRF token, read through `csrfToken`, on every request.
   */
  createPeopleClient: (csrfToken: () => string | null) => ReviewClient;
  /**
   * How the phone's capture app reaches the API; its capture client is made by `CaptureLinkProvider`
   * (lib/capture-link.tsx), in the capture route's chunk, so reviewers never load it.
   */
  capture: CaptureSettings;
};

/**
 * The signed-in person's client: the session routes, sign-in, and the transport that the other areas' clients are
 * built on where they are used (`useAdminClient`, `useCallbacksApi`), so the shell does not carry them.
 */
export type ReviewClient = PeopleSessionsClient;

/** What the session queries need: the session routes (of a `ReviewClient`, or of a test's signed `PaveClient`). */
export type SessionsApi = Pick<ReviewClient, 'sessions'>;

/** Where a capture link's client sends its calls, and how. */
export type CaptureSettings = {
  /** The API's origin (and base path), which the link's `capture_url` starts with. */
  apiBaseUrl: string;
  /** Per-attempt timeout of the capture calls. */
  timeoutMs: number;
  /** Default: the global fetch (tests inject one). */
  fetch?: typeof fetch | undefined;
};

/** Where the sign-in stands: asking the server, nobody, or someone. */
export type AuthStatus = 'checking' | 'signed_out' | 'signed_in';

/** The person's sign-in state. */
export type Auth = {
  status: AuthStatus;
  /** The client for the signed-in person; null unless signed in. */
  client: ReviewClient | null;
  /** Who is signed in, and in which account; null unless signed in. */
  signedIn: SignedIn | null;
  /** Why the person was signed out without asking (the session ended); null otherwise. */
  notice: string | null;
  /** The client to sign in with (login, one-time links); it works signed out. */
  people: ReviewClient;
  /** Switches to the person the server just signed in (a login or a one-time link's answer). */
  signIn: (signedIn: SignedIn) => void;
  /** Ends this browser's session, then forgets every cached answer. */
  signOut: () => Promise<void>;
  /** True when the signed-in person's role has `permission`. */
  can: (permission: Permission) => boolean;
  /** Asks the server who is signed in, the first time only (pages behind a sign-in call it). */
  check: () => void;
};

type ClientsValue = { auth: Auth; capture: CaptureSettings };

const ClientsContext = createContext<ClientsValue | null>(null);

/** Said on the sign-in form after the API ended the session of a signed-in tab (a 401). */
export const sessionEndedNotice = 'Your sign-in has ended (signed out elsewhere, or it expired). Sign in again.';

type Calls = { readonly [name: string]: ((...args: never[]) => Promise<unknown>) | Calls };

/** Every call of `calls` (and of its groups, like `notes`) wrapped: a 401 answer calls `onEnded`. */
function watchCalls(calls: Calls, onEnded: () => void): Calls {
  const watched = Object.entries(calls).map(([name, call]) => {
    if (typeof call !== 'function') return [name, watchCalls(call, onEnded)];
    const watchedCall = (...args: never[]) =>
      call(...args).catch((error: unknown) => {
        // a 403 is a role's refusal, shown where it happened; only a 401 means the session is gone
        if (error instanceof PaveApiError && error.status === 401) onEnded();
        throw error;
      });
    return [name, watchedCall];
  });
  return Object.fromEntries(watched) as Calls;
}

/** The client with every call watched for an ended session; the live streams are passed as they are. */
function watchEnded(client: ReviewClient, onEnded: () => void): ReviewClient {
  const { events, allEvents, ...promised } = client.sessions;
  const sessions = watchCalls(promised as unknown as Calls, onEnded) as unknown as Omit<
    ReviewClient['sessions'],
    'events' | 'allEvents'
  >;
  const auth = watchCalls(client.auth as unknown as Calls, onEnded) as unknown as ReviewClient['auth'];
  // every other call (the admin's and the callback routes) goes through the transport
  const transport: ReviewClient['transport'] = (call, options) =>
    client.transport(call, options).catch((error: unknown) => {
      if (error instanceof PaveApiError && error.status === 401) onEnded();
      throw error;
    });
  return { ...client, sessions: { ...sessions, events, allEvents }, auth, transport };
}

/** Props of {@link ClientsProvider}. */
export type ClientsProviderProps = {
  factories: ClientFactories;
  /** Who is known to be signed in already (tests rendering one component); the server is asked otherwise. */
  initialSignedIn?: SignedIn | null;
  children: ReactNode;
};

/**
 * Asks the server once who is signed in (the cookie survives new tabs and reloads), when a page behind a sign-in
 * first needs it (`check`); the capture pages never ask.
 */
function useSignedInCheck(people: ReviewClient, setSignedIn: (value: SignedIn | null) => void): () => void {
  const asked = useRef(false);
  return useCallback(() => {
    if (asked.current) return;
    asked.current = true;
    people.auth.me().then(setSignedIn, () => setSignedIn(null));
  }, [people, setSignedIn]);
}

/** A value read and changed through functions (the CSRF token, read by the client at each call). */
function createTokenHolder(initial: string | null) {
  let token = initial;
  return {
    get: (): string | null => token,
    set: (value: string | null): void => {
      token = value;
    },
  };
}

/** Provides the API clients and the sign-in state; must sit inside a QueryCacheProvider. */
export function ClientsProvider({ factories, initialSignedIn, children }: ClientsProviderProps) {
  const cache = useQueryCache();
  // the CSRF token the client reads at each call: a holder made once, changed with the sign-in state
  const [csrf] = useState(() => createTokenHolder(initialSignedIn?.csrf_token ?? null));
  const people = useMemo(() => factories.createPeopleClient(csrf.get), [factories, csrf]);
  const [signedIn, setSignedInState] = useState<SignedIn | null | undefined>(initialSignedIn);
  const [notice, setNotice] = useState<string | null>(null);
  const setSignedIn = useCallback(
    (value: SignedIn | null) => {
      csrf.set(value?.csrf_token ?? null);
      setSignedInState(value);
    },
    [csrf],
  );
  const check = useSignedInCheck(people, setSignedIn);
  const signIn = useCallback(
    (value: SignedIn) => {
      cache.clear();
      setNotice(null);
      setSignedIn(value);
    },
    [cache, setSignedIn],
  );
  const forget = useCallback(() => {
    cache.clear();
    setSignedIn(null);
  }, [cache, setSignedIn]);
  const signOut = useCallback(async () => {
    await people.auth.logout().catch(() => undefined);
    forget();
  }, [people, forget]);
  const client = useMemo(
    () =>
      signedIn
        ? watchEnded(people, () => {
            forget();
            setNotice(sessionEndedNotice);
          })
        : null,
    [signedIn, people, forget],
  );
  const value = useMemo<ClientsValue>(() => {
    const status: AuthStatus = signedIn === undefined ? 'checking' : signedIn ? 'signed_in' : 'signed_out';
    const can = (permission: Permission) => (signedIn ? roleCan(signedIn.user.role, permission) : false);
    const auth = { status, client, signedIn: signedIn ?? null, notice, people, signIn, signOut, can, check };
    return { auth, capture: factories.capture };
  }, [client, signedIn, notice, people, signIn, signOut, check, factories]);
  return <ClientsContext value={value}>{children}</ClientsContext>;
}

function useClients(): ClientsValue {
  const value = use(ClientsContext);
  if (!value) throw new Error('invariant: useClients needs a ClientsProvider above it');
  return value;
}

/** The person's sign-in state and actions. */
export function useAuth(): Auth {
  return useClients().auth;
}

/** True when the signed-in person's role has `permission` (false when nobody is signed in). */
export function useCan(permission: Permission): boolean {
  return useClients().auth.can(permission);
}

/** The signed-in client; only for components rendered behind a sign-in. */
export function useReviewClient(): ReviewClient {
  const { client } = useClients().auth;
  if (!client) throw new Error('invariant: useReviewClient is used only when signed in');
  return client;
}

/** The capture client of the opened link: provided by `CaptureLinkProvider` (lib/capture-link.tsx). */
export const CaptureLinkContext = createContext<CaptureClient | null>(null);

/** How capture links reach the API (for `CaptureLinkProvider`). */
export function useCaptureSettings(): CaptureSettings {
  return useClients().capture;
}

/** The capture client of the opened link; only below a `CaptureLinkProvider`. */
export function useCaptureClient(): CaptureClient {
  const client = use(CaptureLinkContext);
  if (!client) throw new Error('invariant: useCaptureClient needs a CaptureLinkProvider above it');
  return client;
}
