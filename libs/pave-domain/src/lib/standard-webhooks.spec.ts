import {
  checkWebhookHeaders,
  defaultRetrySchedule,
  formatWebhookSecret,
  formatWebhookSignature,
  nextRetryDelayMs,
  parseWebhookSecret,
  parseWebhookSignature,
  webhookSignedContent,
} from './standard-webhooks.js';

const now = new Date('2026-12-01T12:00:00Z');
const nowSeconds = now.getTime() / 1000;

describe('Standard Webhooks helpers', () => {
  it('signs "<id>.<timestamp>.<body>"', () => {
    expect(webhookSignedContent('msg_1', 1700000000, '{"a":1}')).toBe('msg_1.1700000000.{"a":1}');
  });

  it('round-trips a secret through whsec_<base64>, with or without the prefix', () => {
    const key = Uint8Array.from([1, 2, 3, 250, 251, 252, 0, 7]);
    const secret = formatWebhookSecret(key);
    expect(secret).toBe(`whsec_${Buffer.from(key).toString('base64')}`);
    expect(parseWebhookSecret(secret)).toEqual(key);
    expect(parseWebhookSecret(secret.slice('whsec_'.length))).toEqual(key);
  });

  it.each(['whsec_', 'whsec_not base64', 'whsec_abc'])('refuses the secret %p', (secret) => {
    expect(parseWebhookSecret(secret)).toBeNull();
  });

  it('spells and reads several v1 signatures, ignoring other versions', () => {
    const header = formatWebhookSignature(['c2lnMQ==', 'c2lnMg==']);
    expect(header).toBe('v1,c2lnMQ== v1,c2lnMg==');
    expect(parseWebhookSignature(`${header} v1a,xyz v2,abc`)).toEqual(['c2lnMQ==', 'c2lnMg==']);
  });

  it('reads the three headers case-insensitively', () => {
    const checked = checkWebhookHeaders(
      { 'Webhook-Id': 'msg_1', 'WEBHOOK-TIMESTAMP': String(nowSeconds), 'webhook-signature': 'v1,abc=' },
      now,
    );
    expect(checked).toEqual({ ok: true, value: { id: 'msg_1', timestampSeconds: nowSeconds, signatures: ['abc='] } });
  });

  it.each([
    [{}, 'missing_headers'],
    [{ 'webhook-id': 'm', 'webhook-timestamp': 'soon', 'webhook-signature': 'v1,a' }, 'invalid_timestamp'],
    [
      { 'webhook-id': 'm', 'webhook-timestamp': String(nowSeconds - 301), 'webhook-signature': 'v1,a' },
      'timestamp_out_of_tolerance',
    ],
    [
      { 'webhook-id': 'm', 'webhook-timestamp': String(nowSeconds + 301), 'webhook-signature': 'v1,a' },
      'timestamp_out_of_tolerance',
    ],
  ])('refuses headers %p as %p', (headers, code) => {
    const checked = checkWebhookHeaders(headers, now);
    expect(checked.ok ? null : checked.error.code).toBe(code);
  });

  it('retries on the schedule for more than 24 hours, even with the shortest jitter', () => {
    const delays = defaultRetrySchedule.map((_, index) => nextRetryDelayMs(defaultRetrySchedule, index + 1, 0) ?? 0);
    expect(delays.reduce((sum, delay) => sum + delay, 0)).toBeGreaterThan(24 * 3600 * 1000);
    expect(nextRetryDelayMs(defaultRetrySchedule, defaultRetrySchedule.length + 1, 0.5)).toBeNull();
  });

  it.each([
    [1, 0, 4500],
    [1, 0.5, 5000],
    [2, 0.999999, 330000],
  ])('after %p failed tries with random %p waits %p ms', (tries, random, ms) => {
    expect(nextRetryDelayMs(defaultRetrySchedule, tries, random)).toBeCloseTo(ms, -1);
  });
});
