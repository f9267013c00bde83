import { createCaptureClient, createPeopleClient } from '@pave/client';
import { capturePath } from '@pave/domain';
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
 * the CSRF token), and a capture link's client for phones. No API key or secret is ever held here.
 */
export function createBrowserClientFactories({ env, fetch }: BrowserClientOptions): ClientFactories {
  return {
    createPeopleClient: (csrfToken) => createPeopleClient({ baseUrl: env.apiBaseUrl, csrfToken, fetch }),
    createCaptureClient: (sessionKey, token) =>
      createCaptureClient({
        captureUrl: `${env.apiBaseUrl}${capturePath(sessionKey)}#${token}`,
        timeoutMs: captureTimeoutMs,
        fetch,
      }),
  };
}
