#!/usr/bin/env node
// `npm start`: builds the API and the web app, then runs the API, which serves the built web app, with the Node.js
// flags it is meant to run with (lib/api-node-flags.mjs). Extra arguments go to node. Settings come from the
// environment (see apps/api/README.md).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiNodeFlags } from './lib/api-node-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);

const projects = ['api', 'web'];
const env = { ...process.env, NX_TUI: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', `--projects=${projects.join(',')}`, '--outputStyle=static', '--skipSync'],
  {
    stdio: 'inherit',
    env,
  },
);
if (build.status !== 0) {
  console.error(`start: the build failed (${projects.join(', ')}); not starting.`);
  process.exit(build.status ?? 1);
}

const server = spawn(
  process.execPath,
  [...apiNodeFlags, ...process.argv.slice(2), join('apps', 'api', 'dist', 'main.js')],
  {
    stdio: 'inherit',
  },
);
// Ctrl-C reaches both processes; a SIGTERM sent to this one alone is passed on. Either way the server drains
// its requests and this script exits with its code.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
