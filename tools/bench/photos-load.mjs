// Load on GET /v1/sessions/:key/photos: our API on SQLite and on PostgreSQL, against two baselines serving the
// same 14-photo JSON bytes (bare node:http, bare Express 5 route), all measured in this run.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, root } from './lib/api-server.mjs';
import { runLoad } from './lib/load.mjs';
import { createDatabase, dropDatabase, seedPostgres, seedSqlite } from './lib/seed.mjs';
import { signedHeaders } from './lib/sign.mjs';
import { benchAccount, benchApiEnv, createSession } from './lib/bench-account.mjs';
import { spawnServer } from './lib/spawn-server.mjs';

const account = benchAccount;
const apiEnv = benchApiEnv;

/** Sessions besides the main one, read in turn by the spread runs: one photos answer each, no two alike. */
const spreadSessions = 256;

async function createSessions(baseUrl, count) {
  const keys = [];
  for (let i = 0; i < count; i += 1) keys.push(await createSession(baseUrl));
  return keys;
}

const photosPath = (key) => `/v1/sessions/${key}/photos`;

/**
 * Two targets on one API server: the run (every request reads one session) and a spread run (64
 * connections reading `spreadSessions` sessions in turn), which shows what the server does when concurrent
 * requests cannot share a lookup.
 */
function apiTargets(name, api, key, spreadKeys, stop) {
  return [
    { name, url: `${api.baseUrl}${photosPath(key)}`, stop },
    {
      name: `${name}, ${spreadKeys.length} sessions`,
      url: `${api.baseUrl}${photosPath(spreadKeys[0])}`,
      paths: spreadKeys.map(photosPath),
      stop: async () => undefined,
    },
  ];
}

async function startSqliteTargets() {
  const dataDir = await mkdtemp(join(tmpdir(), 'pave-bench-'));
  const api = await startApi({ env: { ...apiEnv, PAVE_DATA_DIR: dataDir } });
  const key = await createSession(api.baseUrl);
  const spreadKeys = await createSessions(api.baseUrl, spreadSessions);
  seedSqlite(dataDir, [key, ...spreadKeys]);
  return apiTargets('api (SQLite)', api, key, spreadKeys, async () => {
    await api.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
}

async function startPostgresTargets(adminUrl) {
  const name = `pave_bench_${process.pid}`;
  const databaseUrl = await createDatabase(adminUrl, name);
  const dataDir = await mkdtemp(join(tmpdir(), 'pave-bench-pg-'));
  const api = await startApi({ env: { ...apiEnv, PAVE_DATA_DIR: dataDir, DATABASE_URL: databaseUrl } });
  const key = await createSession(api.baseUrl);
  const spreadKeys = await createSessions(api.baseUrl, spreadSessions);
  await seedPostgres(databaseUrl, [key, ...spreadKeys]);
  return apiTargets('api (PostgreSQL)', api, key, spreadKeys, async () => {
    await api.stop();
    await dropDatabase(adminUrl, name);
    await rm(dataDir, { recursive: true, force: true });
  });
}

async function startBaseline(name, script, bodyFile) {
  const server = await spawnServer(process.execPath, [join(root, 'tools/bench/servers', script), bodyFile]);
  return { name, url: `http://127.0.0.1:${server.port}/v1/sessions/BEN-0000000000/photos`, stop: server.stop };
}

const isPhotoArray = (status, text) =>
  status === 200 && Array.isArray(JSON.parse(text)) && JSON.parse(text).length === 14;

/** Runs every target for `rounds` interleaved rounds and keeps each target's best round (by req/s). */
export async function benchPhotos({ durationSeconds = 8, rounds = 2, connections = 64, postgresUrl } = {}) {
  const targets = await startSqliteTargets();
  if (postgresUrl) targets.push(...(await startPostgresTargets(postgresUrl)));
  const bytes = await (await fetch(targets[0].url, { headers: signedHeaders(account) })).text();
  const bodyFile = join(tmpdir(), `pave-bench-body-${process.pid}.json`);
  await writeFile(bodyFile, bytes);
  targets.push(await startBaseline('bare node:http', 'baseline-http.mjs', bodyFile));
  targets.push(await startBaseline('bare Express 5 route', 'baseline-express.mjs', bodyFile));
  const best = new Map();
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const target of targets) {
        // a fresh signature per run: a token is fresh for the domain's tokenFreshnessSeconds
        const result = await runLoad({
          url: target.url,
          paths: target.paths,
          headers: signedHeaders(account),
          connections,
          durationSeconds,
          expectBody: isPhotoArray,
        });
        console.log(
          `  round ${round + 1} ${target.name.padEnd(34)} ${result.reqPerSec} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors} non-2xx ${result.non2xx}`,
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
    spreadSessions,
    results: Object.fromEntries(best),
  };
}
