// Runs one of the API's bundled command-line entry points (apps/api/dist/<name>.js) with this process's arguments,
// building the API first when the bundle is missing or older than its sources.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the API when `apps/api/dist/<name>.js` is stale, then runs it and exits with its exit code. */
export function runApiCli(name, args) {
  process.chdir(root);
  const cli = join('apps', 'api', 'dist', `${name}.js`);
  const sources = ['apps/api/src', 'libs/pave-domain/src'].filter((dir) => existsSync(dir));
  const stale = !existsSync(cli) || Math.max(...sources.map(newestMtime)) > statSync(cli).mtimeMs;
  if (stale) {
    const env = { ...process.env, NX_TUI: 'false', NX_NO_CLOUD: 'true' };
    // the build's own output goes to stderr, so stdout carries only what the command prints
    const build = spawnSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], {
      stdio: ['ignore', process.stderr, 'inherit'],
      env,
    });
    if (build.status !== 0) {
      console.error(`${name}: building the API failed.`);
      process.exit(build.status ?? 1);
    }
  }
  const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
