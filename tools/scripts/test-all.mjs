#!/usr/bin/env node
// The README's test command: lint, typecheck and test every project (and the web bundle budget), then print
// the test counts and why tests were skipped (from the line tools/jest/skip-reasons-reporter.cjs prints).
// In CI (CI=true) the Nx cache is skipped, so every number printed was measured in this run.
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { addCounts, parseSummary } from '../jest/skip-reasons-reporter.cjs';

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

/** Why tests were skipped, summed over projects; a project's skips its reporter did not explain are said so. */
function skipReasons(perProject, reasonsByProject) {
  const reasons = {};
  for (const row of perProject) {
    const explained = reasonsByProject.get(row.project) ?? {};
    addCounts(reasons, explained);
    const unexplained = row.skipped - Object.values(explained).reduce((sum, count) => sum + count, 0);
    if (unexplained > 0) addCounts(reasons, { [`not reported (${row.project})`]: unexplained });
  }
  return Object.entries(reasons).sort(([, a], [, b]) => b - a);
}

child.on('close', (code) => {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const perProject = [];
  const reasonsByProject = new Map();
  // "> nx run api:test" opens a task's output; Jest closes it with "Tests: ..." (the skip reasons just before)
  let project = '?';
  // a task's output replayed from the Nx cache keeps the colours of the run that stored it
  for (const line of stripVTControlCharacters(output).split('\n')) {
    const task = /> nx run ([\w-]+):test/.exec(line);
    if (task) project = task[1];
    const reasons = parseSummary(line);
    if (reasons) reasonsByProject.set(project, addCounts(reasonsByProject.get(project) ?? {}, reasons));
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
  for (const [reason, count] of skipReasons(perProject, reasonsByProject)) console.log(`  ${count} skipped: ${reason}`);
  process.exit(code ?? 1);
});
