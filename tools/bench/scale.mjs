// Scale: GET …/photos p50 with 1 000 000 sessions (14 000 000 attempts) in PostgreSQL against the same with
// 1 000 sessions, requests spread over random sessions of the bench account, measured in this run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startApi } from './lib/api-server.mjs';
import { measureLatency } from './lib/latency.mjs';
import { generatedKey, generateSessions } from './lib/generate-sessions.mjs';
import { createDatabase, dropDatabase } from './lib/seed.mjs';
import { signedHeaders } from './lib/sign.mjs';

const account = { username: 'scale', apiKey: 'scale-key-0001', apiSecret: 'scale-secret-0001' };

async function accountId(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('select id from accounts where api_key = $1', [account.apiKey]);
    return Number(rows[0].id);
  } finally {
    await client.end();
  }
}

function measure(baseUrl, count, { durationSeconds, concurrency }) {
  const path = () => `/v1/sessions/${generatedKey('SCA', 1 + Math.floor(Math.random() * count))}/photos`;
  return measureLatency({ baseUrl, path, headers: signedHeaders(account), concurrency, durationSeconds });
}

async function oneSize(adminUrl, count, options) {
  const name = `pave_scale_${count}_${process.pid}`;
  const databaseUrl = await createDatabase(adminUrl, name);
  const dataDir = await mkdtemp(join(tmpdir(), 'pave-scale-'));
  const env = {
    DATABASE_URL: databaseUrl,
    PAVE_DATA_DIR: dataDir,
    PAVE_RATE_LIMIT_PER_MINUTE: '0',
    // the photos cache would answer most requests at 1 000 sessions and few at 1 000 000: measure storage alone
    PAVE_PHOTOS_CACHE_SESSIONS: '0',
    PAVE_BOOTSTRAP_ACCOUNTS: `${account.username}:${account.apiKey}:${account.apiSecret}`,
  };
  let api = await startApi({ env });
  try {
    await api.stop();
    console.log(`  generating ${count} sessions`);
    const generated = await generateSessions(databaseUrl, {
      accountId: await accountId(databaseUrl),
      count,
      prefix: 'SCA',
    });
    api = await startApi({ env });
    await measure(api.baseUrl, count, { ...options, durationSeconds: 2 }); // warm-up
    const result = await measure(api.baseUrl, count, options);
    console.log(
      `  ${count} sessions: p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.reqPerSec} req/s, non-2xx ${result.non2xx}`,
    );
    return { ...result, generated };
  } finally {
    await api.stop();
    await dropDatabase(adminUrl, name);
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchScale({
  postgresUrl,
  sessions = 1_000_000,
  small = 1000,
  durationSeconds = 8,
  concurrency = 4,
}) {
  const options = { durationSeconds, concurrency };
  const smallResult = await oneSize(postgresUrl, small, options);
  const largeResult = await oneSize(postgresUrl, sessions, options);
  return { small: smallResult, large: largeResult, p50Ratio: largeResult.p50 / Math.max(smallResult.p50, 0.001) };
}
