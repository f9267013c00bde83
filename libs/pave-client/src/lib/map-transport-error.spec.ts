import type * as z from 'zod/mini';
import {
  AttemptTimeoutError,
  HttpStatusError,
  isConnectionRefused,
  isNetworkFailure,
  mapTransportError,
  SchemaMismatchError,
  sanitizeError,
} from './map-transport-error.js';
import {
  PaveApiError,
  PaveNetworkError,
  PaveNotFoundError,
  PaveResponseError,
  PaveTimeoutError,
} from './pave-client-error.js';

const secret = 'sk_live_0123456789abcdef';
const request = { method: 'GET', url: 'http://x.test/v1/sessions?limit=5', timeoutMs: 250, secrets: [secret] };

function signedRequest(): Request {
  return new Request(request.url, { headers: { 'API-Token': 'f'.repeat(64), 'API-Key': secret } });
}

describe('sanitizeError', () => {
  it('copies name, message, string code and the cause chain, and nothing else', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', port: 9 });
    const original = Object.assign(new TypeError('fetch failed', { cause: root }), { request: signedRequest() });

    const copy = sanitizeError(original, []);

    expect(copy).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect(Object.keys(copy ?? {})).toEqual(['name']);
    expect(copy?.cause).toMatchObject({ message: 'connect ECONNREFUSED 127.0.0.1:9', code: 'ECONNREFUSED' });
    expect(Object.keys(copy?.cause ?? {})).toEqual(['name', 'code']);
  });

  it('cuts secrets out of messages and stacks', () => {
    const copy = sanitizeError(new Error(`bad header value ${secret}`), [secret]);

    expect(copy?.message).toBe('bad header value [redacted]');
    expect(copy?.stack).not.toContain(secret);
  });

  it('leaves values too short to be credentials alone', () => {
    expect(sanitizeError(new Error('keep this message'), ['e', 'ss'])?.message).toBe('keep this message');
  });

  it('returns undefined for a value that is not an error', () => {
    expect(sanitizeError('boom', [])).toBeUndefined();
  });
});

describe('mapTransportError', () => {
  it('maps an attempt timeout to PaveTimeoutError', () => {
    const error = mapTransportError(new AttemptTimeoutError(250), request);

    expect(error).toBeInstanceOf(PaveTimeoutError);
    expect(error.message).toBe('GET /v1/sessions?limit=5 got no response within 250 ms.');
  });

  it("maps a non-2xx answer to PaveApiError with the server's message, 404 to PaveNotFoundError", () => {
    const json = (message: string) => JSON.stringify({ message });
    const conflict = mapTransportError(new HttpStatusError(409, new Headers(), json('Taken.')), request);
    const missing = mapTransportError(new HttpStatusError(404, new Headers(), json('Gone.')), request);
    const garbled = mapTransportError(new HttpStatusError(502, new Headers(), '<html>'), request);

    expect(conflict).toBeInstanceOf(PaveApiError);
    expect(conflict).toMatchObject({ status: 409, message: 'Taken.' });
    expect(missing).toBeInstanceOf(PaveNotFoundError);
    expect(garbled.message).toBe('The API answered 502 without a readable error message.');
  });

  it('maps a refused connection to PaveNetworkError, named by its innermost cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const fetchError = new TypeError('fetch failed', { cause: refused });

    const error = mapTransportError(fetchError, request);

    expect(error).toBeInstanceOf(PaveNetworkError);
    expect(error.message).toBe('GET /v1/sessions?limit=5 failed without a response: connect ECONNREFUSED 127.0.0.1:9.');
    expect(isConnectionRefused(fetchError)).toBe(true);
  });

  it('maps an error fetch does not raise for a lost connection to PaveNetworkError too', () => {
    const error = mapTransportError(new RangeError('custom fetch broke'), request);

    expect(error).toBeInstanceOf(PaveNetworkError);
    expect(error.message).toBe('GET /v1/sessions?limit=5 failed without a response: custom fetch broke.');
  });

  it("maps a schema mismatch after a 2xx to PaveResponseError with the schema's issues", () => {
    const issues: z.core.$ZodIssue[] = [
      { code: 'invalid_type', expected: 'array', path: ['photos'], message: 'Invalid input' },
    ];

    const error = mapTransportError(new SchemaMismatchError(issues), { ...request, status: 200 });

    expect(error).toBeInstanceOf(PaveResponseError);
    expect(error).toMatchObject({ status: 200, issues });
    expect(error.message).toBe('GET /v1/sessions?limit=5 answered 200 with an unexpected body: photos: Invalid input');
  });
});

describe('isNetworkFailure', () => {
  it.each(['fetch failed', 'Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed'])(
    'recognises the TypeError %j that fetch throws without a response',
    (message) => {
      expect(isNetworkFailure(new TypeError(message))).toBe(true);
    },
  );

  it('does not take other errors for network failures', () => {
    expect(isNetworkFailure(new TypeError('x is not a function'))).toBe(false);
    expect(isNetworkFailure(new RangeError('fetch failed'))).toBe(false);
    expect(isNetworkFailure({ name: 'TypeError', message: 'fetch failed' })).toBe(false);
  });
});
