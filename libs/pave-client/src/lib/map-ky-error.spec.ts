import { NetworkError, SchemaValidationError, TimeoutError } from 'ky';
import { isConnectionRefused, mapKyError, sanitizeError } from './map-ky-error.js';
import { PaveNetworkError, PaveResponseError, PaveTimeoutError } from './pave-client-error.js';

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

describe('mapKyError', () => {
  it('maps a ky TimeoutError to PaveTimeoutError', () => {
    const error = mapKyError(new TimeoutError(signedRequest()), request);

    expect(error).toBeInstanceOf(PaveTimeoutError);
    expect(error.message).toBe('GET /v1/sessions?limit=5 got no response within 250 ms.');
  });

  it('maps a refused connection to PaveNetworkError, named by its innermost cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const kyError = new NetworkError(signedRequest(), { cause: new TypeError('fetch failed', { cause: refused }) });

    const error = mapKyError(kyError, request);

    expect(error).toBeInstanceOf(PaveNetworkError);
    expect(error.message).toBe('GET /v1/sessions?limit=5 failed without a response: connect ECONNREFUSED 127.0.0.1:9.');
    expect(isConnectionRefused(kyError)).toBe(true);
  });

  it('maps an error ky does not recognise to PaveNetworkError', () => {
    const error = mapKyError(new RangeError('custom fetch broke'), request);

    expect(error).toBeInstanceOf(PaveNetworkError);
    expect(error.message).toBe('GET /v1/sessions?limit=5 failed without a response: custom fetch broke.');
  });

  it("maps ky's SchemaValidationError after a 2xx to PaveResponseError with the schema's issues", () => {
    const issues = [{ code: 'invalid_type', expected: 'array', path: ['photos'], message: 'Invalid input' }];

    const error = mapKyError(new SchemaValidationError(issues), { ...request, status: 200 });

    expect(error).toBeInstanceOf(PaveResponseError);
    expect(error).toMatchObject({ status: 200, issues });
    expect(error.message).toBe('GET /v1/sessions?limit=5 answered 200 with an unexpected body: photos: Invalid input');
  });
});
