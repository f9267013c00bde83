import { createPeopleSessionsClient } from '@pave/client/people';
import type { Env } from '../config/env.js';
import type { ClientFactories } from './clients.js';

// phones upload multi-megabyte photos over mobile networks: give each attempt a minute
const captureTimeoutMs = 60_000;

/** Options of {@link createBrowserClientFactories}. */
export type BrowserClientOptions = {
  env: Env;
  /** Default: the global fetch (tests inject one). */
  fetch?: typeof fetch;
};

/**
 * The browser's clients: the signed-in person's (the session cookie, which the browser keeps and sends itself, plus
 * the CSRF token), and where a capture link's client (for phones) sends its calls. No API key or secret is ever held
 * here.
 */
export function createBrowserClientFactories({ env, fetch }: BrowserClientOptions): ClientFactories {
  return {
    createPeopleClient: (csrfToken) => createPeopleSessionsClient({ baseUrl: env.apiBaseUrl, csrfToken, fetch }),
    capture: { apiBaseUrl: env.apiBaseUrl, timeoutMs: captureTimeoutMs, fetch },
  };
}
