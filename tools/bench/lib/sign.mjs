// PAVE request signing for the benchmarks: the domain's token message, timestamp and header names (from the built
// libs/pave-domain/dist, which `npm run bench` builds first), HMAC'd synchronously with node:crypto.
import { createHmac } from 'node:crypto';
import { authHeaderNames, formatApiTimestamp, tokenMessage } from '@pave/domain';

export function signedHeaders({ username, apiKey, apiSecret }, now = new Date()) {
  const timestamp = formatApiTimestamp(now);
  const token = createHmac('sha256', apiSecret)
    .update(tokenMessage(username, apiKey, timestamp))
    .digest('hex');
  return { [authHeaderNames.apiKey]: apiKey, [authHeaderNames.token]: token, [authHeaderNames.timestamp]: timestamp };
}
