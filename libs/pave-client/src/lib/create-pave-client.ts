import { captureClientFor, type CaptureClient } from './create-capture-client.js';
import { buildCallbacksClient, type CallbacksClient } from './create-callbacks-client.js';
import { createRequestSigner } from './create-request-signer.js';
import { buildSessionsClient, type SessionsClient } from './create-sessions-client.js';
import { createTransport } from './create-transport.js';
import { resolveTransportSettings, type ApiClientOptions } from './resolve-transport-settings.js';

/** Options of {@link createPaveClient}: an account's credentials on top of the transport options. */
export type PaveClientOptions = ApiClientOptions & {
  username: string;
  apiKey: string;
  apiSecret: string;
  /** The clock that stamps `API-Timestamp`; default `() => new Date()`. */
  now?: (() => Date) | undefined;
};

/**
 * A client of the Session Photos API: `sessions` (signed), and `capture(captureUrl)`, the capture client of one
 * session's link (no account credentials: the link's token), sent with this client's transport options.
 */
export type PaveClient = {
  sessions: SessionsClient;
  /** The signed callback endpoints: configurations, the signing secret, the delivery log. */
  callbacks: CallbacksClient;
  capture: (captureUrl: string) => CaptureClient;
};

/**
 * A typed client of the Session Photos API (PAVE's hosted one or ours: same wire). Signs every `/v1/sessions`
 * request afresh with WebCrypto, validates every response with the `@pave/domain` schemas and retries politely
 * (see README). Methods reject with a {@link PaveClientError}, or with the signal's reason when aborted.
 * Throws TypeError/RangeError at once for a bad `baseUrl`, `timeoutMs` or `retry`.
 */
export function createPaveClient(options: PaveClientOptions): PaveClient {
  const { username, apiKey, apiSecret, now = () => new Date() } = options;
  const sign = createRequestSigner({ username, apiKey, apiSecret, now });
  const signedSettings = resolveTransportSettings(options, { sign, secrets: [apiSecret, apiKey] });
  const signed = createTransport(signedSettings);
  const { timeoutMs, retry, fetch, onRequest, onResponse } = options;
  const transport = { timeoutMs, retry, fetch, onRequest, onResponse };
  return {
    sessions: buildSessionsClient(signed, signedSettings),
    callbacks: buildCallbacksClient(signed),
    capture: (captureUrl) => captureClientFor(captureUrl, transport),
  };
}
