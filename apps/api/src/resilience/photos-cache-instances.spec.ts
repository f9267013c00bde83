// Two instances on one storage: an attempt appended through one is in the other's next photos answer, although
// that instance had the session's photos cached (the append raises the session's photos_version).
import { SessionKey } from '@pave/domain';
import { authHeaders, createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { describeEachStorage, type TestStorage } from '../testing/test-storage.js';

describeEachStorage('photos answers across instances', ({ create }) => {
  let storage: TestStorage;
  let first: TestServer;
  let second: TestServer;
  let credentials: TestCredentials;

  beforeAll(async () => {
    storage = await create();
    const repoA = await storage.open();
    const repoB = await storage.open();
    ({ credentials } = await createTestAccount(repoA, 'twin'));
    first = await startTestServer(repoA);
    second = await startTestServer(repoB);
  });

  afterAll(async () => {
    await first.close();
    await second.close();
    await first.repo.close();
    await second.repo.close();
    await storage.destroy();
  });

  const photosOf = async (server: TestServer, key: string) => {
    const answer = await fetch(`${server.baseUrl}/v1/sessions/${key}/photos`, {
      headers: authHeaders(credentials, new Date()),
    });
    return (await answer.json()) as { photo_code: number }[];
  };

  it('never serves a stale cached answer', async () => {
    const created = await fetch(`${first.baseUrl}/v1/sessions`, {
      method: 'POST',
      headers: { ...authHeaders(credentials, new Date()), 'content-type': 'application/json' },
      body: '{}',
    });
    const key = ((await created.json()) as { session_key: string }).session_key;
    expect(await photosOf(first, key)).toEqual([]);
    const session = await second.repo.sessions.findByKey(SessionKey.parse(key), 'any');
    const now = Date.now();
    const appended = await second.repo.attempts.append({
      kind: 'manual',
      sessionId: session?.id ?? -1,
      photoCode: 1,
      createdAt: now,
      verdictAt: now,
      manualValue: '1HGCM82633A004352',
    });
    expect(appended.ok).toBe(true);
    expect((await photosOf(first, key)).map((p) => p.photo_code)).toEqual([1]);
    expect((await photosOf(second, key)).map((p) => p.photo_code)).toEqual([1]);
  });
});
