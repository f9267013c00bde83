import { createHmac } from 'node:crypto';
import { createRequestSigner } from './create-request-signer.js';

const credentials = { username: 'demo', apiKey: 'ak_demo', apiSecret: 's3cr3t-value' };

function nodeToken(timestamp: string): string {
  return createHmac('sha256', credentials.apiSecret).update(`demo:ak_demo@${timestamp}`).digest('hex');
}

describe('createRequestSigner', () => {
  it('signs <username>:<api_key>@<timestamp> with HMAC-SHA256 as lowercase hex, as node:crypto does', async () => {
    const sign = createRequestSigner({ ...credentials, now: () => new Date('2021-05-30T12:49:19.750Z') });

    const headers = await sign();

    expect(headers).toEqual({
      'API-Key': 'ak_demo',
      'API-Timestamp': '2021-05-30T12:49:19Z',
      'API-Token': nodeToken('2021-05-30T12:49:19Z'),
    });
    expect(headers['API-Token']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stamps every call afresh with the clock', async () => {
    const times = ['2021-05-30T12:49:19Z', '2021-05-30T12:49:21Z'];
    let call = 0;
    const sign = createRequestSigner({ ...credentials, now: () => new Date(times[call++] ?? '') });

    const first = await sign();
    const second = await sign();

    expect(second['API-Timestamp']).toBe('2021-05-30T12:49:21Z');
    expect(second['API-Token']).toBe(nodeToken('2021-05-30T12:49:21Z'));
    expect(second['API-Token']).not.toBe(first['API-Token']);
  });

  it('imports the HMAC key once and reuses it', async () => {
    const importKey = jest.spyOn(globalThis.crypto.subtle, 'importKey');
    const sign = createRequestSigner({ ...credentials, now: () => new Date('2021-05-30T12:49:19Z') });

    await sign();
    await sign();

    expect(importKey).toHaveBeenCalledTimes(1);
    importKey.mockRestore();
  });
});
