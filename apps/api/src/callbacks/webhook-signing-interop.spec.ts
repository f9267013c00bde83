import { randomBytes } from 'node:crypto';
import { verifyWebhook } from '@pave/client';
import { formatWebhookSecret, toEventBody, webhookVerifyMessage } from '@pave/domain';
import { Webhook } from 'standardwebhooks';
import { testSecretBox } from '../testing/test-secret-box.js';
import { activeSecrets, signWebhook } from './sign-webhook.js';

// Our signatures against the reference library, both ways: what the server sends verifies with `standardwebhooks`,
// and what `standardwebhooks` signs verifies with @pave/client's verifyWebhook.

const body = JSON.stringify(
  toEventBody({
    event: 'SESSION:STATUS_CHANGE',
    seq: 2,
    payload: { session_key: 'ACM-0123456789', status: 'STARTED', previous_status: 'IDLE' },
  }),
);
const id = 'msg_0123456789abcdef01234567';
const newSecret = () => formatWebhookSecret(randomBytes(32));

describe('webhook signing interop', () => {
  const now = new Date();
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers = (signature: string) => ({
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature,
  });

  it('signs what standardwebhooks verifies, with either of two secrets during a rotation', () => {
    const [current, previous] = [newSecret(), newSecret()];
    const signature = signWebhook([current, previous], id, timestamp, body);
    expect(signature.split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers(signature))).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers(signature))).toEqual(JSON.parse(body));
    expect(() => new Webhook(newSecret()).verify(body, headers(signature))).toThrow();
  });

  it('verifies with @pave/client what standardwebhooks signs, typed', async () => {
    const secret = newSecret();
    const signature = new Webhook(secret).sign(id, now, body);
    const verified = await verifyWebhook(body, headers(signature), secret, { now });
    expect(verified.ok && verified.value.event === 'SESSION:STATUS_CHANGE' && verified.value.status).toBe('STARTED');
    const fetchHeaders = new Headers(headers(signature));
    expect((await verifyWebhook(body, fetchHeaders, secret, { now })).ok).toBe(true);
  });

  it.each([
    ['a changed body', (s: string) => ({ raw: body.replace('STARTED', 'IDLE'), secret: s }), 'invalid_signature'],
    ['another secret', () => ({ raw: body, secret: newSecret() }), 'invalid_signature'],
    ['a secret that is not base64', () => ({ raw: body, secret: 'whsec_???' }), 'invalid_secret'],
  ])('refuses %s with a typed error', async (_why, make, code) => {
    const secret = newSecret();
    const signature = new Webhook(secret).sign(id, now, body);
    const { raw, secret: used } = make(secret);
    const verified = await verifyWebhook(raw, headers(signature), used, { now });
    expect(verified.ok ? null : verified.error.code).toBe(code);
    if (!verified.ok) expect(webhookVerifyMessage(verified.error)).not.toContain(secret);
  });

  it('refuses a delivery older than the tolerance, and one that is not a known event', async () => {
    const secret = newSecret();
    const late = new Date(now.getTime() + 301_000);
    const signature = new Webhook(secret).sign(id, now, body);
    expect((await verifyWebhook(body, headers(signature), secret, { now: late })).ok).toBe(false);
    const other = JSON.stringify({ event: 'SESSION:SMS_PROCESS', seq: 1 });
    const signed = new Webhook(secret).sign(id, now, other);
    const verified = await verifyWebhook(other, headers(signed), secret, { now });
    expect(verified.ok ? null : verified.error.code).toBe('invalid_body');
  });

  it('signs with the previous secret only within its 24 hours', () => {
    const row = {
      accountId: 1,
      secret: testSecretBox.seal('whsec_AAAA'),
      createdAt: 0,
      previousSecret: testSecretBox.seal('whsec_BBBB'),
      previousExpiresAt: 1000,
    };
    expect(activeSecrets(row, 999, testSecretBox)).toEqual(['whsec_AAAA', 'whsec_BBBB']);
    expect(activeSecrets(row, 1000, testSecretBox)).toEqual(['whsec_AAAA']);
  });
});
