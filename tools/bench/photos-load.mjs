// Load on GET /v1/sessions/:key/photos: our API on SQLite and on PostgreSQL, against two baselines serving the
// same 14-photo JSON bytes (bare node:http, bare Express 5 route), all measured in this run.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, root } from './lib/api-server.mjs';
import { runLoad } from './lib/load.mjs';
import { createDatabase, dropDatabase, seedPostgres, seedSqlite } from './lib/seed.mjs';
import { signedHeaders } from './lib/sign.mjs';
import { spawnServer } from './lib/spawn-server.mjs';

const account = { username: 'bench', apiKey: 'bench-key-0001', apiSecret: 'bench-secret-0001' };
const apiEnv = {
  PAVE_BOOTSTRAP_ACCOUNTS: `${account.username}:${account.apiKey}:${account.apiSecret}`,
  PAVE_RATE_LIMIT_PER_MINUTE: '0',
  LOG_LEVEL: 'warn',
};

async function createSession(baseUrl) {
  const response = await fetch(`${baseUrl}/v1/sessions`, {
    method: 'POST',
    headers: { ...signedHeaders(account), 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`create session: ${response.status} ${await response.text()}`);
  return (await response.json()).session_key;
}

async function startSqliteTarget() {
  const dataDir = await mkdtemp(join(tmpdir(), 'pave-bench-'));
  const api = await startApi({ env: { ...apiEnv, PAVE_DATA_DIR: dataDir } });
  const key = await createSession(api.baseUrl);
  seedSqlite(dataDir, key);
  return {
    name: 'api (SQLite)',
    url: `${api.baseUrl}/v1/sessions/${key}/photos`,
    stop: async () => (await api.stop(), await rm(dataDir, { recursive: true, force: true })),
  };
}

async function startPostgresTarget(adminUrl) {
  const name = `pave_bench_${process.pid}`;
  const databaseUrl = await createDatabase(adminUrl, name);
  const dataDir = await mkdtemp(join(tmpdir(), 'pave-bench-pg-'));
  const api = await startApi({ env: { ...apiEnv, PAVE_DATA_DIR: dataDir, DATABASE_URL: databaseUrl } });
  const key = await createSession(api.baseUrl);
  await seedPostgres(databaseUrl, key);
  return {
    name: 'api (PostgreSQL)',
    url: `${api.baseUrl}/v1/sessions/${key}/photos`,
    stop: async () => {
      await api.stop();
      await dropDatabase(adminUrl, name);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startBaseline(name, script, bodyFile) {
  const server = await spawnServer(process.execPath, [join(root, 'tools/bench/servers', script), bodyFile]);
  return { name, url: `http://127.0.0.1:${server.port}/v1/sessions/BEN-0000000000/photos`, stop: server.stop };
}

const isPhotoArray = (status, text) =>
  status === 200 && Array.isArray(JSON.parse(text)) && JSON.parse(text).length === 14;

/** Runs every target for `rounds` interleaved rounds and keeps each target's best round (by req/s). */
export async function benchPhotos({ durationSeconds = 8, rounds = 2, connections = 64, postgresUrl } = {}) {
  const targets = [await startSqliteTarget()];
  if (postgresUrl) targets.push(await startPostgresTarget(postgresUrl));
  const bytes = await (await fetch(targets[0].url, { headers: signedHeaders(account) })).text();
  const bodyFile = join(tmpdir(), `pave-bench-body-${process.pid}.json`);
  await writeFile(bodyFile, bytes);
  targets.push(await startBaseline('bare node:http', 'baseline-http.mjs', bodyFile));
  targets.push(await startBaseline('bare Express 5 route', 'baseline-express.mjs', bodyFile));
  const best = new Map();
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const target of targets) {
        // a fresh signature per run: a token is fresh for 300 s
        const result = await runLoad({
          url: target.url,
          headers: signedHeaders(account),
          connections,
          durationSeconds,
          expectBody: isPhotoArray,
        });
        console.log(
          `  round ${round + 1} ${target.name.padEnd(22)} ${result.reqPerSec} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors} non-2xx ${result.non2xx}`,
        );
        const previous = best.get(target.name);
        if (!previous || result.reqPerSec > previous.reqPerSec) best.set(target.name, result);
      }
    }
  } finally {
    for (const target of targets) await target.stop();
    await rm(bodyFile, { force: true });
  }
  return {
    bodyBytes: Buffer.byteLength(bytes),
    connections,
    durationSeconds,
    rounds,
    results: Object.fromEntries(best),
  };
}
