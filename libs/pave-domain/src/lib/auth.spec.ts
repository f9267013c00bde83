import { authErrorMessage, checkAuthHeaders, tokenMessage, type AuthError } from './auth.js';

describe('tokenMessage', () => {
  it('joins username, key and timestamp as <username>:<api_key>@<timestamp>', () => {
    expect(tokenMessage('dealer', 'key-1', '2021-05-30T12:49:19Z')).toBe('dealer:key-1@2021-05-30T12:49:19Z');
  });
});

describe('checkAuthHeaders', () => {
  const now = new Date('2021-05-30T12:49:19Z');
  const token = 'a'.repeat(64);
  const ok = { apiKey: 'key', token, timestamp: '2021-05-30T12:49:19Z' };

  it('accepts three present, fresh, well-formed headers', () => {
    const result = checkAuthHeaders(ok, now);
    expect(result.ok && result.value.signedAt.getTime()).toBe(now.getTime());
  });

  it.each([
    [
      { ...ok, apiKey: undefined },
      { code: 'missing_header', header: 'API-Key' },
    ],
    [
      { ...ok, apiKey: '' },
      { code: 'missing_header', header: 'API-Key' },
    ],
    [
      { ...ok, token: undefined },
      { code: 'missing_header', header: 'API-Token' },
    ],
    [
      { ...ok, timestamp: undefined },
      { code: 'missing_header', header: 'API-Timestamp' },
    ],
    [{ ...ok, timestamp: 'soon' }, { code: 'unreadable_timestamp' }],
    [
      { ...ok, timestamp: '2021-05-30T12:40:00Z' },
      { code: 'expired_timestamp', skewSeconds: -559 },
    ],
    [{ ...ok, token: 'A'.repeat(64) }, { code: 'invalid_token' }],
    [{ ...ok, token: 'abc' }, { code: 'invalid_token' }],
  ])('refuses %p', (headers, error) => {
    expect(checkAuthHeaders(headers, now)).toEqual({ ok: false, error });
  });
});

describe('authErrorMessage', () => {
  it.each<[AuthError, RegExp]>([
    [{ code: 'missing_header', header: 'API-Token' }, /Missing API-Token header/],
    [{ code: 'unknown_api_key' }, /Unknown API-Key/],
    [{ code: 'invalid_token' }, /Invalid API-Token/],
    [{ code: 'unreadable_timestamp' }, /Unreadable API-Timestamp/],
    [{ code: 'expired_timestamp', skewSeconds: -400 }, /400 s behind/],
    [{ code: 'expired_timestamp', skewSeconds: 400 }, /400 s ahead/],
  ])('names what is wrong for %p', (error, pattern) => {
    expect(authErrorMessage(error)).toMatch(pattern);
  });
});
