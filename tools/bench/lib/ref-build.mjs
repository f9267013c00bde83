// The API of another commit, built beside this checkout so that one benchmark run can measure both builds in turns.
// The commit's files are extracted with `git archive` under bench-results/builds/<commit> (inside the workspace, so
// that the build and its server resolve this checkout's node_modules), built once, and reused by later runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './api-server.mjs';

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${(result.stderr ?? '').slice(-2000)}`);
  }
  return result.stdout ?? '';
}

/** The full commit id of `ref` in this repository; throws on a ref that names no commit. */
export function commitOf(ref) {
  return run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root }).trim();
}

/** The Node.js flags a build's server runs with, from its own tools/scripts/lib/api-node-flags.mjs (none before it). */
async function nodeFlagsOf(dir) {
  const flags = join(dir, 'tools', 'scripts', 'lib', 'api-node-flags.mjs');
  return existsSync(flags) ? (await import(pathToFileURL(flags).href)).apiNodeFlags : [];
}

/**
 * Builds the API of `ref` (a commit, tag or branch of this repository) and answers its `main.js`, its commit, and the
 * Node.js flags it is run with (as its own `npm start` runs it). The build uses this checkout's installed packages: a
 * commit whose dependencies differ may fail to build or to start, which the benchmark then reports.
 */
export async function buildRef(ref) {
  const commit = commitOf(ref);
  const dir = join(root, 'bench-results', 'builds', commit);
  const main = join(dir, 'apps', 'api', 'dist', 'main.js');
  if (existsSync(main)) return { commit, main, nodeFlags: await nodeFlagsOf(dir) };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['archive', '--format=tar', commit], { cwd: root, maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`git archive ${commit} failed: ${archive.stderr}`);
  run('tar', ['-x', '-C', dir], { input: archive.stdout });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  console.log(`  building the API of ${commit.slice(0, 12)} in ${dir}`);
  const env = { ...process.env, NX_TUI: 'false', NX_NO_CLOUD: 'true', NX_DAEMON: 'false' };
  run('npx', ['nx', 'run', 'api:build', '--outputStyle=static', '--skipSync'], { cwd: dir, env, stdio: 'inherit' });
  if (!existsSync(main)) throw new Error(`the build of ${commit} wrote no ${main}`);
  return { commit, main, nodeFlags: await nodeFlagsOf(dir) };
}
