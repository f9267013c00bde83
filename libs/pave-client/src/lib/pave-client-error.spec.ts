import {
  createApiError,
  isPaveClientError,
  PaveApiError,
  PaveAuthError,
  PaveNetworkError,
  PaveNotFoundError,
  PaveResponseError,
  PaveTimeoutError,
  type PaveClientError,
} from './pave-client-error.js';

// compile-time: callers can switch over `kind` exhaustively
function describeKind(error: PaveClientError): string {
  switch (error.kind) {
    case 'api':
      return 'api';
    case 'network':
      return 'network';
    case 'timeout':
      return 'timeout';
    case 'invalid_response':
      return 'invalid_response';
  }
}

describe('createApiError', () => {
  it.each([
    [404, PaveNotFoundError, 'PaveNotFoundError'],
    [401, PaveAuthError, 'PaveAuthError'],
    [403, PaveAuthError, 'PaveAuthError'],
    [400, PaveApiError, 'PaveApiError'],
    [500, PaveApiError, 'PaveApiError'],
  ])('picks the class for %i', (status, kind, name) => {
    const error = createApiError(status, { message: 'Nope.' });

    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ name, kind: 'api', status, message: 'Nope.', body: { message: 'Nope.' } });
  });
});

describe('isPaveClientError', () => {
  it('recognises every client error and nothing else', () => {
    const errors: PaveClientError[] = [
      new PaveApiError(500, { message: 'x' }),
      new PaveNetworkError('x'),
      new PaveTimeoutError('x', 1),
      new PaveResponseError('x', { status: 200, issues: [] }),
    ];

    expect(errors.map((error) => isPaveClientError(error) && describeKind(error))).toEqual([
      'api',
      'network',
      'timeout',
      'invalid_response',
    ]);
    expect(isPaveClientError(new Error('x'))).toBe(false);
    expect(isPaveClientError({ kind: 'api' })).toBe(false);
  });
});
