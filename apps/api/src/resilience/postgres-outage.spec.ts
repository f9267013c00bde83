// PostgreSQL stopped and restarted under load, on a throwaway cluster this test starts: while it is down,
// requests fail fast with a 503 and a message and /readyz says so; once it is back, service recovers by itself
// within 5 s, without restarting the server. Never a 500.
import { setTimeout as sleep } from 'node:timers/promises';
import { openPostgresRepository } from '../storage/postgres-repository.js';
import type { Repository } from '../storage/repository.js';
import { authHeaders, createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { describeOrSkip } from '../testing/test-storage.js';
import {
  createThrowawayPostgres,
  throwawayPostgresSkipReason,
  type ThrowawayPostgres,
} from '../testing/throwaway-postgres.js';

type Sample = { readonly at: number; readonly status: number; readonly ms: number; readonly message: string | null };

describeOrSkip(throwawayPostgresSkipReason(), 'PostgreSQL outage', () => {
  let cluster: ThrowawayPostgres | null = null;
  let repo: Repository;
  let server: TestServer;
  let credentials: TestCredentials;
  let sessionKey: string;

  beforeAll(async () => {
    const created = await createThrowawayPostgres();
    // the binaries are there (else this was skipped when collected): a cluster that does not start is a failure
    if (typeof created === 'string') throw new Error(created);
    cluster = created;
    repo = await openPostgresRepository({ connectionString: cluster.url, maxConnections: 4 });
    ({ credentials } = await createTestAccount(repo, 'outage'));
    server = await startTestServer(repo);
    const answer = await fetch(`${server.baseUrl}/v1/sessions`, {
      method: 'POST',
      headers: { ...authHeaders(credentials, new Date()), 'content-type': 'application/json' },
      body: '{}',
    });
    sessionKey = ((await answer.json()) as { session_key: string }).session_key;
  }, 120000);

  afterAll(async () => {
    if (!cluster) return;
    await server.close();
    await repo.close().catch(() => undefined);
    cluster.destroy();
  });

  async function sample(path: string): Promise<Sample> {
    const started = Date.now();
    const answer = await fetch(`${server.baseUrl}${path}`, {
      headers: authHeaders(credentials, new Date()),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await answer.json()) as { message?: string };
    return {
      at: Date.now(),
      status: answer.status,
      ms: Date.now() - started,
      message: Array.isArray(body) ? null : (body.message ?? null),
    };
  }

  /** Requests back to back (four at a time) until `stop` is set. */
  function load(path: string, samples: Sample[], control: { stop: boolean }): Promise<void[]> {
    const worker = async () => {
      while (!control.stop) {
        samples.push(await sample(path));
        await sleep(20);
      }
    };
    return Promise.all([worker(), worker(), worker(), worker()]);
  }

  it('fails fast with 503 while PostgreSQL is down and recovers within 5 s of it coming back', async () => {
    if (!cluster) throw new Error('invariant: beforeAll started the cluster');
    const samples: Sample[] = [];
    const control = { stop: false };
    const running = load(`/v1/sessions/${sessionKey}/photos`, samples, control);
    // a few answers before the outage (a fixed 500 ms saw none on a loaded machine)
    for (let waited = 0; samples.length < 4 && waited < 15_000; waited += 50) await sleep(50);
    cluster.stop();
    const downAt = Date.now();
    await sleep(1500);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    cluster.start();
    const upAt = Date.now();
    let recoveredAt: number | null = null;
    while (recoveredAt === null && Date.now() - upAt < 10_000) {
      const probe = await sample(`/v1/sessions/${sessionKey}/photos`);
      if (probe.status === 200) recoveredAt = probe.at;
      else await sleep(50);
    }
    await sleep(300);
    control.stop = true;
    await running;

    const before = samples.filter((s) => s.at < downAt);
    const whileDown = samples.filter((s) => s.at > downAt + 300 && s.at < upAt);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((s) => s.status === 200)).toBe(true);
    expect(whileDown.length).toBeGreaterThan(0);
    for (const s of whileDown) {
      expect(s.status).toBe(503);
      expect(s.message).toMatch(/storage|database|unavailable/i);
      expect(s.ms).toBeLessThan(3000);
    }
    expect(samples.some((s) => s.status >= 500 && s.status !== 503)).toBe(false);
    expect(recoveredAt).not.toBeNull();
    expect((recoveredAt ?? Infinity) - upAt).toBeLessThanOrEqual(5000);
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
  }, 120000);
});
