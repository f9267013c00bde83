// A local S3-compatible server (s3rver, from npm) in its own process, for `npm run cluster` and `npm run bench`.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { freePort } from './free-port.mjs';

const require = createRequire(import.meta.url);

/** The credentials s3rver accepts. */
export const s3rverCredentials = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

/**
 * Starts s3rver on 127.0.0.1 with `bucket` created, its objects under `directory`, and resolves once it answers.
 * Node runs it with OpenSSL's legacy provider: s3rver 3.7.1 makes its listing continuation tokens with DES.
 * Returns the endpoint, the environment that points the API at the bucket, and `stop`.
 */
export async function startObjectServer({ directory, bucket, prefix = 'photos/', port }) {
  mkdirSync(directory, { recursive: true });
  const listenPort = port ?? (await freePort());
  const bin = require.resolve('s3rver/bin/s3rver.js');
  const args = ['--openssl-legacy-provider', bin, '-d', directory, '-a', '127.0.0.1', '-p', String(listenPort)];
  const child = spawn(process.execPath, [...args, '--silent', '--configure-bucket', bucket], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const endpoint = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`s3rver exited with ${child.exitCode}: ${errors}`);
    // any answer will do (an unsigned request is refused), as long as the server answers
    if (
      await fetch(endpoint).then(
        () => true,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`s3rver did not answer on ${endpoint}: ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    endpoint,
    env: {
      PAVE_IMAGE_STORE: `s3://${bucket}/${prefix}`,
      PAVE_S3_ENDPOINT: endpoint,
      PAVE_S3_REGION: 'us-east-1',
      PAVE_S3_FORCE_PATH_STYLE: 'true',
      ...s3rverCredentials,
    },
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
