import { randomBytes } from 'node:crypto';
import { request, type ClientRequest } from 'node:http';
import { createPaveClient } from '@pave/client';
import sharp from 'sharp';
import { makeSceneImage } from '../qa/test-images.js';
import { useServerProcess } from '../testing/server-process.js';

// Issue #13, findings 1 and 2, against a real server process: idle upload bodies cannot keep other sessions out
// (they lose their share after a window without data), and a flood of costly images from one account does not queue
// another account's normal upload behind all of it (QA takes accounts in turn).

const owner = { username: 'fair-a', apiKey: 'fair-key-a-0001', apiSecret: 'fair-secret-a-0001' };
const other = { username: 'fair-b', apiKey: 'fair-key-b-0001', apiSecret: 'fair-secret-b-0001' };

const fixture = useServerProcess('fairness-test', {
  accounts: [owner, other],
  env: { PAVE_RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'error' },
});
const baseUrl = fixture.baseUrl;
const start = fixture.start;

type CaptureLink = { readonly key: string; readonly headers: Record<string, string> };

/** A new session of `account`, with the headers its capture routes need (a token when the link carries one). */
async function newSession(account: typeof owner): Promise<CaptureLink> {
  const pave = createPaveClient({ baseUrl: baseUrl(), ...account, retry: { limit: 0 } });
  const session = await pave.sessions.create();
  const token = new URL(session.capture_url).hash.slice(1);
  return { key: session.session_key, headers: token ? { 'capture-token': token } : {} };
}

type Answer = { readonly status: number; readonly body: string; readonly retryAfter: number };

function formOf(image: Buffer): { body: Buffer; type: string } {
  const boundary = `fair-${randomBytes(6).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), image, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Starts an upload from `localAddress`; `sent` bytes of the body go at once, the rest when `finish` is called. */
function startUpload(link: CaptureLink, image: Buffer, options: { localAddress?: string; sent?: number } = {}) {
  const form = formOf(image);
  const req: ClientRequest = request(`${baseUrl()}/v1/capture/${link.key}/photos/4`, {
    method: 'POST',
    localAddress: options.localAddress ?? '127.0.0.1',
    agent: false,
    headers: { ...link.headers, 'content-type': form.type, 'content-length': form.body.length },
  });
  const answer = new Promise<Answer>((resolve) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, retryAfter: Number(res.headers['retry-after'] ?? 0) }),
      );
    });
    // a cut connection after the answer, or one refused outright, is an answer of its own for these tests
    req.on('error', () => resolve({ status: 0, body: '', retryAfter: 0 }));
  });
  const sent = options.sent ?? form.body.length;
  if (sent >= form.body.length) req.end(form.body);
  else req.write(form.body.subarray(0, sent));
  return { answer, abort: () => req.destroy() };
}

/** Uploads until the answer is not a 503, waiting each 503's Retry-After; every status seen, in order. */
async function uploadHonouringRetryAfter(link: CaptureLink, image: Buffer, attempts: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < attempts; i += 1) {
    const { status, retryAfter } = await startUpload(link, image).answer;
    statuses.push(status);
    if (status !== 503) break;
    await new Promise((resolve) => setTimeout(resolve, Math.max(retryAfter, 1) * 1000));
  }
  return statuses;
}

describe('upload slots held by idle bodies', () => {
  it('answers every idle holder 408 after a window without data, and another session’s upload then succeeds', async () => {
    await start({
      PAVE_MAX_PENDING_UPLOADS: '4',
      PAVE_UPLOADS_PER_ADDRESS: '2',
      PAVE_UPLOAD_RATE_WINDOW_SECONDS: '1.5',
    });
    const image = await makeSceneImage({ seed: 77 });
    const addresses = ['127.0.0.2', '127.0.0.2', '127.0.0.3', '127.0.0.3'];
    const holderLinks = await Promise.all(addresses.map(() => newSession(owner)));
    // every slot taken by a body that sends its first kilobyte and then nothing
    const holders = holderLinks.map((link, i) =>
      startUpload(link, image, { localAddress: addresses[i] ?? '127.0.0.2', sent: 1024 }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const beyond = startUpload(await newSession(owner), image, { localAddress: '127.0.0.2', sent: 1024 });
    const beyondShare = await beyond.answer;
    const victim = await newSession(other);

    const statuses = await uploadHonouringRetryAfter(victim, image, 8);
    const held = await Promise.all(holders.map((holder) => holder.answer));
    [...holders, beyond].forEach((holder) => holder.abort());

    expect(beyondShare.status).toBe(503);
    expect(statuses.at(-1)).toBe(201);
    expect(held.map((answer) => answer.status)).toEqual([408, 408, 408, 408]);
    expect(JSON.parse(held[0]?.body ?? '{}')).toMatchObject({
      code: 'request_timeout',
      message: 'The upload arrived slower than 16384 bytes per second.',
    });
  }, 60_000);

  it('takes at most 2 uploads of one session at once', async () => {
    await start({ PAVE_UPLOAD_RATE_WINDOW_SECONDS: '30' });
    const image = await makeSceneImage({ seed: 78 });
    const link = await newSession(owner);
    const idle = [1, 2].map(() => startUpload(link, image, { sent: 1024 }));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const third = await startUpload(link, image).answer;
    const elsewhere = await startUpload(await newSession(owner), image).answer;
    idle.forEach((upload) => upload.abort());

    expect([third.status, third.retryAfter, elsewhere.status]).toEqual([503, 1, 201]);
    expect(JSON.parse(third.body)).toMatchObject({ code: 'unavailable' });
  }, 60_000);
});

describe('a flood of costly images from one account', () => {
  it('does not queue another account’s normal upload behind the whole flood', async () => {
    await start({ PAVE_QA_CONCURRENCY: '1', PAVE_MAX_PENDING_UPLOADS: '1000', PAVE_UPLOADS_PER_ADDRESS: '0' });
    const scene = await makeSceneImage({ seed: 79, width: 2400, height: 1800 });
    const costly = await sharp(scene).jpeg({ quality: 95, progressive: true }).toBuffer();
    const floodLinks = await Promise.all(Array.from({ length: 6 }, () => newSession(owner)));
    const normal = await makeSceneImage({ seed: 80 });
    const victim = await newSession(other);
    const finished: string[] = [];

    const flood = floodLinks.flatMap((link, i) =>
      [0, 1].map((j) => startUpload(link, costly).answer.then((answer) => (finished.push(`flood-${i}-${j}`), answer))),
    );
    await Promise.race(flood); // every flood body has been read by the time the first is judged
    const answeredBefore = finished.length;
    const victimAnswer = await startUpload(victim, normal).answer.then((answer) => (finished.push('victim'), answer));
    const floodAnswers = await Promise.all(flood);

    expect(victimAnswer.status).toBe(201);
    expect(floodAnswers.every((answer) => answer.status === 201)).toBe(true);
    // one FIFO would answer the victim after every flood upload; taking accounts in turn, after at most the one
    // running when it arrived and the one whose turn came first
    expect(finished.indexOf('victim')).toBeLessThanOrEqual(answeredBefore + 2);
    expect(finished.indexOf('victim')).toBeLessThan(8);
  }, 120_000);
});
