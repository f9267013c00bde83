#!/usr/bin/env node
// `node tools/bench/soak.mjs [--seconds 60] [--rate N]`: GET …/photos on SQLite at 80 % of the capacity measured
// first (or at --rate req/s) for 60 s; passes with 0 errors and server RSS growth < 10 % (RSS read from /proc after
// a warm-up and at the end). Not part of `npm test`. Needs `npx nx run-many -t build -p api pave-domain`.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startApi } from './lib/api-server.mjs';
import { runLoad } from './lib/load.mjs';
import { seedSqlite } from './lib/seed.mjs';
import { signedHeaders } from './lib/sign.mjs';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, rate: { type: 'string' } } });
const account = { username: 'soak', apiKey: 'soak-key-0001', apiSecret: 'soak-secret-0001' };

const rssOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'pave-soak-'));
  const api = await startApi({
    env: {
      PAVE_DATA_DIR: dataDir,
      PAVE_RATE_LIMIT_PER_MINUTE: '0',
      PAVE_BOOTSTRAP_ACCOUNTS: `${account.username}:${account.apiKey}:${account.apiSecret}`,
    },
  });
  try {
    const created = await fetch(`${api.baseUrl}/v1/sessions`, {
      method: 'POST',
      headers: { ...signedHeaders(account), 'content-type': 'application/json' },
      body: '{}',
    });
    const key = (await created.json()).session_key;
    seedSqlite(dataDir, key);
    const url = `${api.baseUrl}/v1/sessions/${key}/photos`;
    const capacity = values.rate
      ? null
      : await runLoad({ url, headers: signedHeaders(account), connections: 32, durationSeconds: 5 });
    const rate = values.rate ? Number(values.rate) : Math.round(capacity.reqPerSec * 0.8);
    const rssBefore = rssOf(api.child.pid);
    const seconds = Number(values.seconds);
    // one signature serves the whole run: a token stays fresh for the domain's tokenFreshnessSeconds (a --seconds
    // close to it would need re-signing)
    const result = await autocannon({
      url,
      headers: signedHeaders(account),
      connections: 32,
      overallRate: rate,
      duration: seconds,
    });
    const rssAfter = rssOf(api.child.pid);
    const errors = result.errors + result.timeouts + result.non2xx;
    const growth = (rssAfter - rssBefore) / rssBefore;
    const report = {
      seconds,
      capacityReqPerSec: capacity?.reqPerSec ?? null,
      targetReqPerSec: rate,
      achievedReqPerSec: Math.round(result.requests.average),
      requests: result.requests.total,
      errors,
      p99Ms: result.latency.p99,
      rssBeforeMiB: +(rssBefore / 2 ** 20).toFixed(1),
      rssAfterMiB: +(rssAfter / 2 ** 20).toFixed(1),
      rssGrowthPercent: +(growth * 100).toFixed(1),
      passed: errors === 0 && growth < 0.1,
    };
    console.log(JSON.stringify(report, null, 2));
    process.exitCode = report.passed ? 0 : 1;
  } finally {
    await api.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
