import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiErrorCode } from '@pave/domain';
import { statusOfCode } from './error-handler.js';

// What Node's parser refuses before any route sees the request, by the error's `code`: the same statuses Node's own
// plain-text answers use (socketOnError in lib/_http_server.js), here with a JSON `{message}` like every refusal.
const problemsByCode: Readonly<Record<string, readonly [ApiErrorCode, string]>> = {
  HPE_HEADER_OVERFLOW: ['headers_too_large', 'Request headers too large.'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: ['payload_too_large', 'Chunk extensions too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: ['request_timeout', 'Request timed out.'],
};
const malformed = ['invalid_request', 'Malformed HTTP request.'] as const;

function codeOf(error: Error): unknown {
  return 'code' in error ? error.code : undefined;
}

/**
 * The raw HTTP/1.1 answer to a request Node's parser refused (`clientError`): its status, and the body `{message}`
 * alone, which readers of PAVE's routes and of ours both accept (no route was matched, so no error style applies).
 */
export function clientErrorAnswer(error: Error): string {
  const code = codeOf(error);
  const [apiCode, message] = (typeof code === 'string' ? problemsByCode[code] : undefined) ?? malformed;
  const status = statusOfCode[apiCode];
  const body = JSON.stringify({ message });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

// An answer already under way on this connection (an earlier request of it) must not be cut into: Node's own
// handler checks the same internal field before it writes anything.
function isAnswering(socket: Duplex): boolean {
  const current = (socket as { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  return current?.headersSent === true;
}

/**
 * The `clientError` listener of every server: answers a request Node could not take (a malformed request 400,
 * headers over the size limit 431, headers or body not arriving in time 408) with JSON, then closes the connection.
 * A connection reset by the peer, or one already answering, is just closed.
 */
export function answerClientError(error: Error, socket: Duplex): void {
  if (codeOf(error) === 'ECONNRESET' || !socket.writable || isAnswering(socket)) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorAnswer(error), () => socket.destroy());
}
