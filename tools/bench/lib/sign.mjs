// PAVE request signing for the benchmarks (the same HMAC the client computes with WebCrypto).
import { createHmac } from 'node:crypto';

export function signedHeaders({ username, apiKey, apiSecret }, now = new Date()) {
  const timestamp = `${now.toISOString().slice(0, 19)}Z`;
  const token = createHmac('sha256', apiSecret).update(`${username}:${apiKey}@${timestamp}`).digest('hex');
  return { 'API-Key': apiKey, 'API-Token': token, 'API-Timestamp': timestamp };
}
