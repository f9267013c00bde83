import { createCaptureClient, createPaveClient } from '@pave/client';
import { capturePath } from '@pave/domain';
import type { Env } from '../config/env.js';
import type { ClientFactories } from './clients.js';

// phones upload multi-megabyte photos over mobile networks: give each attempt a minute
const captureTimeoutMs = 60_000;

/** Options of {@link createBrowserClientFactories}. */
export type BrowserClientOptions = {
  env: Env;
  storage: Storage;
  /** Default: the global fetch (tests inject one). */
  fetch?: typeof fetch;
};

/** The browser's clients: signed requests for the review dashboard, a capture link's client for phones. */
export function createBrowserClientFactories({ env, storage, fetch }: BrowserClientOptions): ClientFactories {
  return {
    createReviewClient: ({ username, apiKey, apiSecret }) =>
      createPaveClient({ baseUrl: env.apiBaseUrl, username, apiKey, apiSecret, fetch }),
    createCaptureClient: (sessionKey, token) =>
      createCaptureClient({
        captureUrl: `${env.apiBaseUrl}${capturePath(sessionKey)}#${token}`,
        timeoutMs: captureTimeoutMs,
        fetch,
      }),
    storage,
  };
}
