import {
  backoffDelay,
  defaultRetryPolicy,
  isRetryable,
  parseRetryAfter,
  retryDelay,
  type RetryPolicy,
  type RetryTrigger,
} from './retry-policy.js';

const status = (code: number, retryAfter: string | null = null): RetryTrigger => ({
  kind: 'status',
  status: code,
  retryAfter,
});
const policy: RetryPolicy = { limit: 2, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
const nowMs = Date.UTC(2021, 4, 30, 12, 0, 0);

describe('isRetryable', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries an idempotent request on %i', (code) => {
    expect(isRetryable(status(code), true)).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 413, 422, 501])('never retries %i', (code) => {
    expect(isRetryable(status(code, '1'), true)).toBe(false);
    expect(isRetryable(status(code, '1'), false)).toBe(false);
  });

  it.each<[string, RetryTrigger, boolean]>([
    ['429 without Retry-After', status(429), true],
    ['503 with Retry-After', status(503, '2'), true],
    ['503 without Retry-After', status(503), false],
    ['500 even with Retry-After', status(500, '2'), false],
    ['502', status(502), false],
    ['408', status(408), false],
    ['a timeout', { kind: 'timeout' }, false],
    ['a network error after connecting', { kind: 'network', refused: false }, false],
    ['a refused connection', { kind: 'network', refused: true }, true],
  ])('for a POST, on %s, answers %s', (_name, trigger, expected) => {
    expect(isRetryable(trigger, false)).toBe(expected);
  });

  it('retries an idempotent request on timeouts and network errors, never on fatal errors', () => {
    expect(isRetryable({ kind: 'timeout' }, true)).toBe(true);
    expect(isRetryable({ kind: 'network', refused: false }, true)).toBe(true);
    expect(isRetryable({ kind: 'fatal' }, true)).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it.each<[string | null, number | null]>([
    ['1', 1000],
    ['0', 0],
    [' 120 ', 120_000],
    ['Sun, 30 May 2021 12:00:03 GMT', 3000],
    ['Sun, 30 May 2021 11:59:00 GMT', 0],
    [null, null],
    ['', null],
    ['soon', null],
    ['-1', null],
    ['1.5', null],
  ])('reads %j as %j ms', (value, expected) => {
    expect(parseRetryAfter(value, nowMs)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [5, 1000],
    [9, 1000],
  ])('before retry %i, jitters below %i ms', (retry, ceiling) => {
    expect(backoffDelay(retry, policy, () => 0.999_999)).toBe(ceiling - 1);
    expect(backoffDelay(retry, policy, () => 0)).toBe(0);
    expect(backoffDelay(retry, policy, () => 0.5)).toBe(ceiling / 2);
  });
});

describe('retryDelay', () => {
  const context = { retry: 1, idempotent: true, policy, nowMs, random: () => 0.5 };

  it('uses Retry-After instead of the backoff', () => {
    expect(retryDelay(status(429, '2'), context)).toBe(2000);
  });

  it('caps Retry-After at maxRetryAfterMs', () => {
    expect(retryDelay(status(503, '3600'), context)).toBe(5000);
  });

  it('falls back to the backoff when Retry-After is unreadable', () => {
    expect(retryDelay(status(503, 'later'), { ...context, retry: 2 })).toBe(100);
  });

  it('gives up after limit retries', () => {
    expect(retryDelay(status(503), { ...context, retry: 2 })).toBe(100);
    expect(retryDelay(status(503), { ...context, retry: 3 })).toBeNull();
  });

  it('gives up at once on a status it never retries', () => {
    expect(retryDelay(status(404), context)).toBeNull();
  });

  it('defaults to 2 retries, 300 ms base, 5 s backoff cap and a 30 s Retry-After cap', () => {
    expect(defaultRetryPolicy).toEqual({ limit: 2, baseDelayMs: 300, maxDelayMs: 5000, maxRetryAfterMs: 30_000 });
  });
});
