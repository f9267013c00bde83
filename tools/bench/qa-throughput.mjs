// Image QA throughput on 12 MP JPEGs, one core, in the built API's own benchmark entry (apps/api/dist/bench).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib/api-server.mjs';

export function benchQa({ images = 12, rounds = 5 } = {}) {
  const out = execFileSync(
    process.execPath,
    [join(root, 'apps/api/dist/bench/qa-throughput.js'), String(images), String(rounds)],
    {
      env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
      maxBuffer: 1 << 20,
    },
  );
  const result = JSON.parse(out.toString());
  return { ...result, qaToDecodeRatio: result.qaChecks.imagesPerSecond / result.bareDecode.imagesPerSecond };
}
