#!/usr/bin/env node
// The README's test command: lint, typecheck and test every project (and the web bundle budget), then print
// the test counts.
// In CI (CI=true) the Nx cache is skipped, so every number printed was measured in this run.
import { spawn } from 'node:child_process';

const args = [
  'nx',
  'run-many',
  '-t',
  'lint',
  'typecheck',
  'test',
  'budget',
  '--outputStyle=static',
  ...process.argv.slice(2),
];
if (process.env.CI === 'true') args.push('--skip-nx-cache');
const env = { ...process.env, NX_TUI: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' };

const child = spawn('npx', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
const collect = (stream, sink) =>
  stream.on('data', (chunk) => {
    output += chunk.toString();
    sink.write(chunk);
  });
collect(child.stdout, process.stdout);
collect(child.stderr, process.stderr);

child.on('close', (code) => {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const perProject = [];
  // "> nx run api:test" opens a task's output; Jest closes it with "Tests: ..."
  let project = '?';
  for (const line of output.split('\n')) {
    const task = /> nx run ([\w-]+):test/.exec(line);
    if (task) project = task[1];
    const tests = /^Tests:\s+(.*)$/.exec(line.trim());
    if (!tests) continue;
    const count = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(tests[1])?.[1] ?? 0);
    const row = {
      project,
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped') + count('todo'),
    };
    perProject.push(row);
    for (const key of Object.keys(totals)) totals[key] += row[key];
  }
  console.log('\nTest counts by project:');
  for (const row of perProject)
    console.log(`  ${row.project.padEnd(12)} ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`);
  console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code ?? 1);
});
