#!/usr/bin/env node
// `npm run cluster [-- --instances 3] [--base-port 3001]`: N API instances on one PostgreSQL (DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/pave_cluster, created when missing) and one bucket (PAVE_IMAGE_STORE and
// PAVE_S3_*, else a local s3rver keeping its objects under data/cluster/s3), each with its own empty data folder.
// Prints their addresses; Ctrl-C stops everything. Put any HTTP load balancer in front to try them behind one.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { apiNodeFlags } from './lib/api-node-flags.mjs';
import { startObjectServer } from './lib/object-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const { values } = parseArgs({
  options: { instances: { type: 'string', default: '3' }, 'base-port': { type: 'string', default: '3001' } },
});
const instances = Number(values.instances);
const basePort = Number(values['base-port']);
if (!Number.isInteger(instances) || instances < 1 || instances > 16) {
  console.error('cluster: --instances takes 1 to 16');
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pave_cluster';
const stoppers = [];

/** Every instance must seal and open secrets with one key: PAVE_SECRET_KEY, else one kept in data/cluster. */
function sharedSecretKey() {
  if (process.env.PAVE_SECRET_KEY) return process.env.PAVE_SECRET_KEY;
  const path = join(root, 'data', 'cluster', 'secret.key');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  return readFileSync(path, 'utf8').trim();
}

async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).href });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

function build() {
  const env = { ...process.env, NX_TUI: 'false', NX_NO_CLOUD: 'true' };
  const result = spawnSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static', '--skipSync'], {
    stdio: ['ignore', process.stderr, 'inherit'],
    env,
  });
  if (result.status !== 0) throw new Error('building the API failed');
}

/** Starts one instance, its output prefixed with `[n]`, and resolves once its /readyz answers. */
async function startInstance(index, env) {
  const port = basePort + index - 1;
  const url = `http://127.0.0.1:${port}`;
  const dataDir = join(root, 'data', 'cluster', `instance-${index}`);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, [...apiNodeFlags, join('apps', 'api', 'dist', 'main.js')], {
    env: {
      // the AWS SDK's notice that its releases after January 2027 need Node 22, once per instance, is noise here
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...process.env,
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PUBLIC_BASE_URL: url,
      PAVE_DATA_DIR: dataDir,
      PAVE_SECRET_KEY: sharedSecretKey(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream, sink) =>
    stream.on('data', (chunk) => sink.write(chunk.toString().replace(/^(?=.)/gm, `[${index}] `)));
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  stoppers.push(
    () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.kill('SIGTERM')))),
  );
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`instance ${index} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`instance ${index} is not ready on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return url;
}

async function stopAll() {
  await Promise.all(
    stoppers
      .splice(0)
      .reverse()
      .map((stop) => stop()),
  );
}

async function main() {
  await ensureDatabase(databaseUrl);
  let imagesEnv = {};
  if (!process.env.PAVE_IMAGE_STORE) {
    const objects = await startObjectServer({ directory: join(root, 'data', 'cluster', 's3'), bucket: 'pave-cluster' });
    stoppers.push(objects.stop);
    imagesEnv = objects.env;
    console.log(`object server (s3rver): ${objects.endpoint}, bucket pave-cluster`);
  }
  build();
  // the first instance migrates the schema and creates the demo account alone; the others then start together
  const first = await startInstance(1, imagesEnv);
  const others = await Promise.all(Array.from({ length: instances - 1 }, (_, i) => startInstance(i + 2, imagesEnv)));
  const { hostname, port, pathname } = new URL(databaseUrl);
  console.log(
    `\n${instances} instances on postgres://${hostname}:${port || 5432}${pathname}, one bucket, no shared folder:`,
  );
  for (const url of [first, ...others]) console.log(`  ${url}`);
  console.log('Ctrl-C stops them all.\n');
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stopAll().then(() => process.exit(0)));
}
main().catch(async (error) => {
  console.error(`cluster: ${error.message}`);
  await stopAll();
  process.exit(1);
});
