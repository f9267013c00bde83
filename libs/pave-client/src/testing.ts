// Test helpers for @pave/client and the projects that use it. Node only; production code never imports this file.
import { authErrorMessage, checkAuthHeaders, sessionNotFoundMessage, type AuthError } from '@pave/domain';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The one account a {@link FakePaveServer} knows: `/v1/sessions` requests must be signed with it. */
export type FakeAccount = { readonly username: string; readonly apiKey: string; readonly apiSecret: string };

/** A request as the fake server received it. */
export type ReceivedRequest = {
  readonly method: string;
  /** Path and query, as sent: `/v1/sessions?limit=5`. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** `performance.now()` when the whole body had arrived. */
  readonly receivedAt: number;
};

/** One scripted answer: a JSON body (`json`) or an HTML one (`text`), extra headers, and a pause before it. */
export type FakeReply = {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  delayMs?: number;
};

/** A reply, or a function of the request that picks one (and may act on the test meanwhile, such as aborting). */
export type FakeScript = FakeReply | ((received: ReceivedRequest) => FakeReply);

/** A local HTTP server on 127.0.0.1 that answers as the Session Photos API does, from per-test scripts. */
export type FakePaveServer = {
  /** `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  /** Every request received since the last {@link FakePaveServer.reset}, in order of arrival. */
  readonly requests: readonly ReceivedRequest[];
  /**
   * Scripts `route` (`'<METHOD> <path and query>'`, matched exactly): the n-th request gets the n-th script, and
   * the last one answers every request after it.
   */
  route: (route: string, ...scripts: FakeScript[]) => void;
  /** Forgets the routes and the received requests. */
  reset: () => void;
  /** Drops the connections, cancels pending replies and stops listening. */
  close: () => Promise<void>;
};

/** The first value of a request header; `name` in any case. */
export function headerOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * PAVE's `API-Token` for `timestamp`: the lowercase hex HMAC-SHA256 of `<username>:<api_key>@<timestamp>`, keyed
 * with the secret. Computed with node:crypto, independently of the client's WebCrypto signer.
 */
export function fakeApiToken(account: FakeAccount, timestamp: string): string {
  const message = `${account.username}:${account.apiKey}@${timestamp}`;
  return createHmac('sha256', account.apiSecret).update(message).digest('hex');
}

function authError(account: FakeAccount, headers: IncomingHttpHeaders): AuthError | null {
  const given = { apiKey: headerOf(headers, 'API-Key'), token: headerOf(headers, 'API-Token') };
  const checked = checkAuthHeaders({ ...given, timestamp: headerOf(headers, 'API-Timestamp') }, new Date());
  if (!checked.ok) return checked.error;
  if (checked.value.apiKey !== account.apiKey) return { code: 'unknown_api_key' };
  const expected = Buffer.from(fakeApiToken(account, checked.value.timestamp), 'hex');
  const token = Buffer.from(checked.value.token, 'hex');
  return timingSafeEqual(expected, token) ? null : { code: 'invalid_token' };
}

function defaultReply(received: ReceivedRequest): FakeReply {
  if (received.url.startsWith('/v1/sessions/')) {
    const sessionKey = received.url.split('/')[3] ?? '';
    return { status: 404, json: { message: sessionNotFoundMessage(decodeURIComponent(sessionKey)) } };
  }
  return { status: 404, json: { message: 'Not found.' } };
}

function send(res: ServerResponse, reply: FakeReply): void {
  if (res.destroyed) return;
  const body = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  const type = reply.text === undefined ? 'application/json' : 'text/html';
  res.writeHead(reply.status, { 'content-type': type, ...reply.headers }).end(body);
}

/**
 * Starts a {@link FakePaveServer} on a free port. It checks PAVE's HMAC auth on `/v1/sessions…` (401 with
 * PAVE's message when it fails), leaves `/v1/capture…` open, answers a route from its scripts, and an unscripted
 * request with PAVE's 404 (`Session <key> cannot be found.` under `/v1/sessions/`).
 */
export function startFakePaveServer(account: FakeAccount): Promise<FakePaveServer> {
  const routes = new Map<string, { scripts: FakeScript[]; calls: number }>();
  const requests: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const replyTo = (received: ReceivedRequest): FakeReply => {
    const error = received.url.startsWith('/v1/sessions') ? authError(account, received.headers) : null;
    if (error) return { status: 401, json: { message: authErrorMessage(error) } };
    const route = routes.get(`${received.method} ${received.url}`);
    const script = route ? route.scripts[Math.min(route.calls++, route.scripts.length - 1)] : undefined;
    if (!script) return defaultReply(received);
    return typeof script === 'function' ? script(received) : script;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        receivedAt: performance.now(),
      };
      requests.push(received);
      const reply = replyTo(received);
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(res, reply);
      }, reply.delayMs ?? 0);
      timers.add(timer);
    });
  });

  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        requests,
        route: (route, ...scripts) => routes.set(route, { scripts, calls: 0 }),
        reset: () => {
          routes.clear();
          requests.length = 0;
        },
        close: () => {
          timers.forEach(clearTimeout);
          server.closeAllConnections();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}

export {
  freePort,
  ServerStartError,
  startServerOnFreePort,
  startServerProcess,
  type ServerOnFreePortOptions,
  type ServerOnPort,
  type ServerProcess,
  type ServerProcessOptions,
} from './testing/server-process.js';
export { buildServerBundle, type ServerBundle, type ServerBundleOptions } from './testing/server-bundle.js';
