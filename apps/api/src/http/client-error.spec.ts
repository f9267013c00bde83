import { createServer, type Server, type ServerOptions } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { answerClientError, clientErrorAnswer } from './client-error.js';

/** What came back on a raw connection, read until the server closed it. */
type RawReply = { readonly statusLine: string; readonly headers: string; readonly body: string };

function exchange(server: Server, bytes: string, options: { pauseAfterWrite?: boolean } = {}): Promise<RawReply> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...headers] = head.split('\r\n');
      resolve({ statusLine, headers: headers.join('\n'), body });
    });
    socket.write(bytes);
    if (!options.pauseAfterWrite) socket.end();
  });
}

async function startServer(options: ServerOptions = {}): Promise<Server> {
  const server = createServer(options, (_req, res) => res.end('ok'));
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('answerClientError', () => {
  let server: Server;

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers a URL over the header size limit with 431 and a JSON message', async () => {
    server = await startServer();

    const reply = await exchange(server, `GET /v1/sessions/${'A'.repeat(18_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);

    expect(reply.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(reply.headers).toContain('Content-Type: application/json; charset=utf-8');
    expect(JSON.parse(reply.body)).toEqual({ message: 'Request headers too large.' });
  });

  it('answers a header over the limit with 431 too', async () => {
    server = await startServer();

    const reply = await exchange(server, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(17_000)}\r\n\r\n`);

    expect([reply.statusLine, JSON.parse(reply.body)]).toEqual([
      'HTTP/1.1 431 Request Header Fields Too Large',
      { message: 'Request headers too large.' },
    ]);
  });

  it('answers a request line that is not HTTP with 400 and a JSON message', async () => {
    server = await startServer();

    const reply = await exchange(server, 'NOT HTTP AT ALL\r\n\r\n');

    expect([reply.statusLine, JSON.parse(reply.body)]).toEqual([
      'HTTP/1.1 400 Bad Request',
      { message: 'Malformed HTTP request.' },
    ]);
  });

  it('answers headers that do not arrive in time with 408 and a JSON message', async () => {
    server = await startServer({ headersTimeout: 200, requestTimeout: 300, connectionsCheckingInterval: 50 });

    const reply = await exchange(server, 'GET / HTTP/1.1\r\nHost: x\r\n', { pauseAfterWrite: true });

    expect([reply.statusLine, JSON.parse(reply.body)]).toEqual([
      'HTTP/1.1 408 Request Timeout',
      { message: 'Request timed out.' },
    ]);
  });

  it('states the body length it sends', () => {
    const answer = clientErrorAnswer(Object.assign(new Error('x'), { code: 'HPE_INVALID_METHOD' }));

    const body = answer.split('\r\n\r\n')[1] ?? '';
    expect(answer).toContain(`Content-Length: ${Buffer.byteLength(body)}\r\n`);
  });
});
