// Client: the share of a local round trip (`pave.sessions.photos(key)` against a bare node:http server answering
// the 14-photo sample) spent validating the response with the domain schema. Needs the libs built (dist/).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPaveClient } from '@pave/client';
import { SessionPhotos } from '@pave/domain';
import { root } from './lib/api-server.mjs';

async function timeLoop(count, fn) {
  for (let i = 0; i < Math.min(200, count); i += 1) await fn(); // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) await fn();
  return Number(process.hrtime.bigint() - started) / 1e6 / count;
}

export async function benchClientValidation({ count = 3000 } = {}) {
  const body = readFileSync(join(root, 'libs/pave-domain/src/fixtures/session-photos.200.json'));
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  try {
    const pave = createPaveClient({
      baseUrl,
      username: 'bench',
      apiKey: 'bench-key',
      apiSecret: 'bench-secret',
      retry: { limit: 0 },
    });
    const roundTripMs = await timeLoop(count, () => pave.sessions.photos('BEN-0000000000'));
    const rawFetchMs = await timeLoop(count, async () => JSON.parse(await (await fetch(`${baseUrl}/x`)).text()));
    const parsed = JSON.parse(body.toString());
    const validationMs = await timeLoop(count * 5, async () => SessionPhotos.parse(parsed));
    return {
      requests: count,
      roundTripMs,
      rawFetchAndJsonMs: rawFetchMs,
      validationMs,
      validationShare: validationMs / roundTripMs,
    };
  } finally {
    server.close();
  }
}
