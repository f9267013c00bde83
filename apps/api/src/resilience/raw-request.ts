import { request } from 'node:http';

/** An answer as it came off the wire. */
export type RawAnswer = { readonly status: number; readonly headers: Record<string, unknown>; readonly body: string };

/** What to send, byte for byte: the path is not normalised (unlike fetch), so `..` and `%2f` arrive as written. */
export type RawRequest = {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer | string;
};

/**
 * Socket errors of the test machine, not of the server's answer: a connection that could not be opened (ports of a
 * busy machine in TIME_WAIT) or was reset before any answer. One more try tells a passing hiccup from a server that
 * really drops this request (it drops it again, and the error names the request).
 */
const transientSocketErrors = new Set(['ECONNRESET', 'EPIPE', 'EADDRNOTAVAIL', 'ETIMEDOUT']);

function sendOnce(baseUrl: string, raw: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: raw.method, path: raw.path, headers: raw.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(raw.body);
  });
}

/** Sends one request over a fresh connection and reads the whole answer. */
export async function sendRaw(baseUrl: string, raw: RawRequest): Promise<RawAnswer> {
  try {
    return await sendOnce(baseUrl, raw);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !transientSocketErrors.has(code)) throw error;
    return sendOnce(baseUrl, raw).catch((again: unknown) => {
      throw new Error(`${raw.method} ${raw.path.slice(0, 120)} failed twice: ${String(again)}`, { cause: again });
    });
  }
}
