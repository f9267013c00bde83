import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

/** One HTTP request of a delivery. */
export type WebhookRequest = {
  readonly url: string;
  readonly method: 'POST' | 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
};

/** What came of it: the status (null when none came), how long it took, and why it failed (null on a 2xx). */
export type WebhookResponse = {
  readonly status: number | null;
  readonly latencyMs: number;
  readonly error: string | null;
};

/** How requests are made: the deadline, how much of a response body is read, and the address guard. */
export type SendOptions = {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly lookup: LookupFunction;
  /** Refuses hosts that are IP literals on blocked addresses (those never reach `lookup`). */
  readonly refuseHost: (url: URL) => Error | null;
  readonly agents: { readonly http: HttpAgent; readonly https: HttpsAgent };
};

/** Keep-alive agents for deliveries (a connection is checked by the guarded lookup when it is opened). */
export function createWebhookAgents(): SendOptions['agents'] {
  return { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
}

/** Reads up to `maxBytes` of a response and then stops (a receiver cannot make the dispatcher read without end). */
function drain(response: IncomingMessage, maxBytes: number): Promise<void> {
  return new Promise((resolve) => {
    let read = 0;
    response.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read > maxBytes) response.destroy();
    });
    response.on('end', resolve);
    response.on('close', resolve);
    response.on('error', () => resolve());
  });
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && code !== 'blocked_address' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/**
 * Sends one delivery: no redirects are followed (a 3xx is a failure), the whole exchange must finish within the
 * timeout, and at most `maxResponseBytes` of the answer are read. Never throws.
 */
export function sendWebhook(request: WebhookRequest, options: SendOptions): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(request.url);
  const refused = options.refuseHost(url);
  if (refused) return Promise.resolve({ status: null, latencyMs: 0, error: refused.message });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response: WebhookResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(response);
    };
    const https = url.protocol === 'https:';
    const send = https ? httpsRequest : httpRequest;
    const req = send(url, {
      method: request.method,
      headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      lookup: options.lookup,
      agent: https ? options.agents.https : options.agents.http,
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ status: null, latencyMs: elapsed(), error: `no answer within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    req.on('error', (error) => finish({ status: null, latencyMs: elapsed(), error: describeError(error) }));
    req.on('response', (response) => {
      const status = response.statusCode ?? 0;
      void drain(response, options.maxResponseBytes).then(() => {
        const ok = status >= 200 && status < 300;
        finish({ status, latencyMs: elapsed(), error: ok ? null : `answered ${status}` });
      });
    });
    req.end(request.body);
  });
}
