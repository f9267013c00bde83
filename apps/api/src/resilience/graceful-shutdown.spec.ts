import { request } from 'node:http';
import { createPaveClient } from '@pave/client';
import type { ServerProcess } from '@pave/client/testing';
import { makeSceneImage } from '../qa/test-images.js';
import { useServerProcess } from '../testing/server-process.js';
import { captureTokenHeaders } from '../testing/capture-requests.js';

// SIGTERM (what a container runtime or systemd sends) while an upload is still arriving: the server stops taking
// connections at once, finishes the upload it is reading and answers it, stores it, closes storage and exits 0.

const credentials = { username: 'drain', apiKey: 'drain-key-0001', apiSecret: 'drain-secret-0001' };

const fixture = useServerProcess('drain-test', { accounts: [credentials], env: { LOG_LEVEL: 'warn' } });
const baseUrl = fixture.baseUrl;

/** A multipart upload whose body is sent in two halves: `sendRest` sends the second one. */
function slowUpload(path: string, image: Buffer, captureUrl: string) {
  const boundary = 'drain-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    image,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const half = Math.floor(body.length / 2);
  const req = request(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: {
      ...captureTokenHeaders(captureUrl),
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': body.length,
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  req.write(body.subarray(0, half));
  return { answer, sendRest: () => req.end(body.subarray(half)) };
}

const exitOf = (process: ServerProcess) =>
  new Promise<number | null>((resolve) => {
    if (process.child.exitCode !== null) resolve(process.child.exitCode);
    else process.child.once('exit', (code) => resolve(code));
  });

describe('SIGTERM with an upload in flight', () => {
  it('refuses new connections, finishes and stores the upload, and exits 0', async () => {
    const running = await fixture.start();
    const pave = createPaveClient({ baseUrl: baseUrl(), ...credentials, retry: { limit: 0 } });
    const session = await pave.sessions.create();
    const key = session.session_key;
    const upload = slowUpload(`/v1/capture/${key}/photos/4`, await makeSceneImage({ seed: 4242 }), session.capture_url);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the server is reading the first half

    const exited = exitOf(running);
    running.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await fetch(`${baseUrl()}/healthz`).then(
      (response) => `answered ${response.status}`,
      (error: unknown) => String((error as { cause?: { code?: string } }).cause?.code ?? error),
    );
    upload.sendRest();
    const answer = await upload.answer;

    expect(refused).toBe('ECONNREFUSED');
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ photo_code: 4 });
    expect(await exited).toBe(0);

    await fixture.start();
    const photos = await pave.sessions.photos(key);
    expect(photos.map((photo) => photo.photo_code)).toEqual([4]);
  }, 60_000);
});
