#!/usr/bin/env node
// `npm run bench [-- --only photos,qa,client,scale,images,upload,webhooks,live] [--duration 8] [--rounds 2] [--scale-sessions 1000000]
//   [--compare-api <another build's apps/api/dist/main.js> | --compare-ref <a commit of this repository>]` (the upload
//   part then measures both builds, row by row; --compare-ref builds that commit's API under bench-results/builds)
// Every figure is measured in this run, next to its baseline. Writes bench-results/<stamp>.{json,md} and
// docs/benchmarks.md. PostgreSQL parts use PAVE_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)
// to create and drop their own databases. Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { root } from './lib/api-server.mjs';
import { mergeMarkdown, renderMarkdown } from './lib/report.mjs';

const allParts = ['photos', 'qa', 'client', 'scale', 'images', 'upload', 'webhooks', 'live'];
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: allParts.join(',') },
    duration: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    'scale-sessions': { type: 'string', default: '1000000' },
    'compare-api': { type: 'string' },
    'compare-ref': { type: 'string' },
  },
});
const only = new Set(values.only.split(','));
const postgresUrl = process.env.PAVE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresVersion() {
  const client = new pg.Client({ connectionString: postgresUrl });
  try {
    await client.connect();
    return (await client.query('show server_version')).rows[0].server_version;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function build() {
  const env = { ...process.env, NX_TUI: 'false', NX_NO_CLOUD: 'true' };
  const args = [
    'nx',
    'run-many',
    '-t',
    'build',
    '-p',
    'api',
    'pave-domain',
    'pave-client',
    '--outputStyle=static',
    '--skipSync',
  ];
  const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error('build failed');
}

async function main() {
  build();
  const pgVersion = await postgresVersion();
  const report = {
    date: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: pgVersion,
    },
  };
  const duration = Number(values.duration);
  if (only.has('photos')) {
    console.log('GET …/photos load (64 connections):');
    const { benchPhotos } = await import('./photos-load.mjs');
    report.photos = await benchPhotos({
      durationSeconds: duration,
      rounds: Number(values.rounds),
      postgresUrl: pgVersion ? postgresUrl : undefined,
    });
  }
  if (only.has('qa')) {
    console.log('Image QA throughput (12 MP JPEGs, one core):');
    const { benchQa } = await import('./qa-throughput.mjs');
    report.qa = benchQa();
    console.log(`  ${JSON.stringify(report.qa)}`);
  }
  if (only.has('client')) {
    console.log('Client response validation share:');
    const { benchClientValidation } = await import('./client-validation.mjs');
    report.client = await benchClientValidation();
    console.log(`  ${JSON.stringify(report.client)}`);
  }
  if (only.has('scale') && pgVersion) {
    console.log('Scale (PostgreSQL):');
    const { benchScale } = await import('./scale.mjs');
    report.scale = await benchScale({
      postgresUrl,
      sessions: Number(values['scale-sessions']),
      durationSeconds: duration,
    });
  }
  if (only.has('images')) {
    console.log('Image storage (folder vs bucket):');
    const { benchImages } = await import('./images.mjs');
    report.images = await benchImages({ durationSeconds: Math.min(duration, 5), rounds: Number(values.rounds) });
  }
  if (only.has('upload')) {
    console.log('Upload → verdict under load (2560 px and 12 MP JPEGs):');
    const { benchUpload } = await import('./upload.mjs');
    const { buildRef } = await import('./lib/ref-build.mjs');
    const ref = values['compare-ref'] ? await buildRef(values['compare-ref']) : null;
    report.upload = await benchUpload({
      durationSeconds: duration,
      postgresUrl: pgVersion ? postgresUrl : undefined,
      compareApi: ref?.main ?? values['compare-api'],
      compareCommit: ref?.commit,
      compareNodeFlags: ref?.nodeFlags ?? [],
    });
  }
  if (only.has('webhooks')) {
    console.log('Webhook delivery (event → receiver, deliveries per CPU-second):');
    const { benchWebhooks } = await import('./webhooks.mjs');
    report.webhooks = await benchWebhooks();
  }
  if (only.has('live')) {
    console.log('Live streams (1000 streams, fan-out) and conditional polling:');
    const { benchLive } = await import('./live.mjs');
    report.live = await benchLive({ durationSeconds: duration });
  }
  const stamp = report.date.replace(/[:.]/g, '-');
  const markdown = renderMarkdown(report);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(root, 'bench-results', `${stamp}.md`), markdown);
  mkdirSync(join(root, 'docs'), { recursive: true });
  // a run of some parts only updates their sections and keeps the others' earlier figures
  const docs = join(root, 'docs', 'benchmarks.md');
  const partial = allParts.some((part) => !only.has(part)) && existsSync(docs);
  writeFileSync(docs, partial ? mergeMarkdown(readFileSync(docs, 'utf8'), report) : markdown);
  console.log(`\n${markdown}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
