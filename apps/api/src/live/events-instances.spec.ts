// Two API processes on one PostgreSQL: a stream held by B hears a change made through A (LISTEN/NOTIFY, no other
// server), and SIGTERM ends B's streams at once so that it exits without waiting for them; the reader resumes on A.
import { randomBytes } from 'node:crypto';
import { ServerStartError } from '@pave/client/testing';
import { createPaveClient, type PaveClient, type StreamState } from '@pave/client';
import type { LiveEvent } from '@pave/domain';
import { authHeaders } from '../testing/test-accounts.js';
import {
  bootstrapAccountsEnv,
  createServerInstance,
  removeServerInstance,
  startServerInstance,
  useServerBundle,
  type ServerInstance as Instance,
} from '../testing/server-process.js';
import {
  createPostgresTestStorage,
  describeOrSkip,
  postgresSkipReason,
  requireTestDatabaseUrl,
  type TestStorage,
} from '../testing/test-storage.js';

const account = { username: 'duo', apiKey: 'duo-key-00000001', apiSecret: 'duo-secret-00000001' };
const quick = { reconnectDelayMs: 20, maxReconnectDelayMs: 200 };
/** Instances on one database share the key that seals API secrets (docs/security.md). */
const sharedSecretKey = randomBytes(32).toString('base64');

describeOrSkip(postgresSkipReason, 'live streams across two API processes on one PostgreSQL', () => {
  const bundle = useServerBundle('live-duo');
  let storage: TestStorage;
  let a: Instance;
  let b: Instance;

  const start = (instance: Instance, secretKey = sharedSecretKey) =>
    startServerInstance(bundle(), instance, {
      ...storage.env,
      ...bootstrapAccountsEnv([account]),
      LOG_LEVEL: 'info',
      PAVE_SECRET_KEY: secretKey,
    });
  const clientOf = (target: Instance): PaveClient => createPaveClient({ baseUrl: target.baseUrl, ...account });
  /** The capture client of a session, through A (its capture link names A's address). */
  const captureOf = async (key: string) => clientOf(a).capture((await clientOf(a).sessions.get(key)).capture_url);

  beforeAll(async () => {
    storage = await createPostgresTestStorage(requireTestDatabaseUrl());
    [a, b] = [createServerInstance(), createServerInstance()];
    await start(a);
    await start(b);
  }, 150_000);
  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map(removeServerInstance));
    await storage?.destroy();
  });

  it("a session's stream on B sees the changes made on A, and the account's stream too", async () => {
    const key = (await clientOf(a).sessions.create()).session_key;
    const opened: Promise<void>[] = [];
    const follow = <T>(open: (onState: (state: StreamState) => void) => AsyncGenerator<T, void>) => {
      let resolve: () => void = () => undefined;
      opened.push(new Promise<void>((done) => (resolve = done)));
      return open((state) => state === 'open' && resolve());
    };
    const session = follow((onState) => clientOf(b).sessions.events(key, { ...quick, onState }));
    const all = follow((onState) => clientOf(b).sessions.allEvents({ ...quick, onState }));
    const firstOfSession = session.next();
    const firstOfAll = all.next();
    // a refused stream rejects its first event instead of ever opening: fail with that refusal, not a timeout
    await Promise.race([Promise.all(opened), Promise.all([firstOfSession, firstOfAll])]);
    const started = performance.now();
    await (await captureOf(key)).start();
    const [fromSession, fromAll] = [(await firstOfSession).value as LiveEvent, (await firstOfAll).value as LiveEvent];
    const elapsedMs = performance.now() - started;
    expect([fromSession.id, fromSession.body.event, fromAll.body.session_key]).toEqual([
      '1',
      'SESSION:STATUS_CHANGE',
      key,
    ]);
    expect(elapsedMs).toBeLessThan(5000);
    await (await captureOf(key)).manual({ photo_code: 1, value: '1HGCM82633A004352' });
    expect(((await session.next()).value as LiveEvent).body).toMatchObject({ event: 'SESSION:STAGE_CHANGE', seq: 2 });
    await Promise.all([session.return(), all.return()]);
  });

  it('SIGTERM ends the streams B holds at once, B exits 0, and the reader resumes on A', async () => {
    const key = (await clientOf(a).sessions.create()).session_key;
    await (await captureOf(key)).start();
    const response = await fetch(`${b.baseUrl}/v1/sessions/${key}/events`, {
      headers: { ...authHeaders(account, new Date()), Accept: 'text/event-stream' },
    });
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    const decoder = new TextDecoder();
    let text = '';
    const readMore = async () => {
      const { done, value } = await reader.read();
      if (!done) text += decoder.decode(value, { stream: true });
      return done;
    };
    while (!text.includes('id: 1\n')) await readMore();
    const server = b.server;
    if (!server) throw new Error('B is not running');
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    const stoppedAt = performance.now();
    server.child.kill('SIGTERM');
    // the stream ends (it does not wait for the 10 s drain), then B exits cleanly
    while (!(await readMore()));
    expect(text).toContain('id: 1\nevent: SESSION:STATUS_CHANGE\n');
    expect(await exited).toBe(0);
    expect(performance.now() - stoppedAt).toBeLessThan(8000);
    b.server = null;
    // the reader goes on from the last id it had, on A
    await (await captureOf(key)).manual({ photo_code: 1, value: '1HGCM82633A004352' });
    const resumed = clientOf(a).sessions.events(key, { ...quick, lastEventId: '1' });
    expect(((await resumed.next()).value as LiveEvent).id).toBe('2');
    await resumed.return();
  });

  it('refuses to start an instance without the shared secret key, saying why, and leaves the others serving', async () => {
    const stranger = createServerInstance();
    try {
      const refused = await start(stranger, randomBytes(32).toString('base64')).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(ServerStartError);
      expect(String((refused as Error).message)).toContain('Instances on one database must share one PAVE_SECRET_KEY');
      expect(String((refused as Error).message)).not.toContain(sharedSecretKey);
      expect((await clientOf(a).sessions.list()).sessions.length).toBeGreaterThan(0);
    } finally {
      await removeServerInstance(stranger);
    }
  });
});
