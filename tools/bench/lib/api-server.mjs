// Starts the built API (apps/api/dist/main.js, or another build's `main`) on a free loopback port; waits for /healthz.
// This checkout's build runs with the Node.js flags it is deployed with (tools/scripts/lib/api-node-flags.mjs);
// another build's, with the `execArgv` its caller gives (ref-build.mjs reads that build's own).
import { spawn } from 'node:child_process';
import { apiNodeFlags } from '../../scripts/lib/api-node-flags.mjs';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..', '..');

async function waitForHealth(baseUrl, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const ownMain = join(root, 'apps/api/dist/main.js');

export async function startApi({
  env = {},
  timeoutMs = 30000,
  main = ownMain,
  execArgv = main === ownMain ? apiNodeFlags : [],
} = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...execArgv, main], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', PUBLIC_BASE_URL: baseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  if (!(await waitForHealth(baseUrl, child, Date.now() + timeoutMs))) {
    child.kill('SIGKILL');
    throw new Error(`the API did not start:\n${output.slice(-3000)}`);
  }
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  return { child, port, baseUrl, stop, output: () => output };
}
