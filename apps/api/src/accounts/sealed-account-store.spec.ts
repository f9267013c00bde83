// API secrets at rest, on SQLite and PostgreSQL: sealed with the secret key when stored, plain rows from before
// sealing still authenticate and get sealed at start, and `accounts rotate` keeps the old secret working for a
// grace period only. Requests go through a real server (the app's sealed, cached account store).
import type { Repository } from '../storage/repository.js';
import { call } from '../testing/http-call.js';
import { createTestClock, startTestServer, testSecretBox, type TestServer } from '../testing/test-server.js';
import { describeEachStorage, type TestStorage } from '../testing/test-storage.js';
import { createSecretBox, toSecretKey } from '../secrets/secret-box.js';
import { runAccountsCommand } from './accounts-command.js';
import { createAccountsService } from './accounts.service.js';
import {
  createSealedAccountStore,
  findForeignSealedSecrets,
  isSealedSecret,
  sealAccountSecrets,
} from './sealed-account-store.js';

const start = new Date('2026-03-01T10:00:00Z');
const clock = createTestClock(start);
const hour = 3_600_000;

describeEachStorage('API secrets at rest', (kind) => {
  let storage: TestStorage;
  let repo: Repository;
  let server: TestServer;

  beforeEach(async () => {
    clock.now = start;
    storage = await kind.create();
    repo = await storage.open();
    server = await startTestServer(repo, { now: clock.read });
  });
  afterEach(async () => {
    await server.close();
    await repo.close();
    await storage.destroy();
  });

  const service = () =>
    createAccountsService({ accounts: createSealedAccountStore(repo.accounts, testSecretBox), now: clock.read });
  const list = (credentials: { username: string; apiKey: string; apiSecret: string }) =>
    call(server.baseUrl, 'GET', '/v1/sessions', { credentials, at: clock.now });

  it('stores a new account’s secret sealed, never in plain text, and authenticates with it', async () => {
    const created = await service().create('acme');
    if (!created.ok) throw new Error('not created');
    const stored = await repo.accounts.findByUsername('acme');
    expect(isSealedSecret(stored?.apiSecret ?? '')).toBe(true);
    expect(stored?.apiSecret).not.toContain(created.value.apiSecret);
    expect((await list(created.value)).status).toBe(200);
    expect((await list({ ...created.value, apiSecret: 'f'.repeat(64) })).status).toBe(401);
  });

  it('authenticates a plain row from before sealing, and seals it (once) without changing the secret', async () => {
    const legacy = { username: 'old', apiKey: 'old-key-1', apiSecret: 'old-plain-secret-1' };
    await repo.accounts.create({ ...legacy, createdAt: 0 });
    expect((await list(legacy)).status).toBe(200);
    expect(await sealAccountSecrets(repo.accounts, testSecretBox)).toBe(1);
    expect(await sealAccountSecrets(repo.accounts, testSecretBox)).toBe(0);
    const stored = await repo.accounts.findByApiKey(legacy.apiKey);
    expect(isSealedSecret(stored?.apiSecret ?? '')).toBe(true);
    expect(stored?.apiSecret).not.toContain(legacy.apiSecret);
    expect((await list(legacy)).status).toBe(200);
  });

  it('seals again under a new key what an older key sealed, and still opens it', async () => {
    const oldBox = createSecretBox([toSecretKey(Buffer.alloc(32, 7))]);
    const newBox = createSecretBox([toSecretKey(Buffer.alloc(32, 9)), toSecretKey(Buffer.alloc(32, 7))]);
    const accounts = createSealedAccountStore(repo.accounts, oldBox);
    const created = await createAccountsService({ accounts, now: clock.read }).create('acme');
    if (!created.ok) throw new Error('not created');
    expect(await sealAccountSecrets(repo.accounts, newBox)).toBe(1);
    const stored = await repo.accounts.findByUsername('acme');
    expect(newBox.isStale(stored?.apiSecret ?? '')).toBe(false);
    const reopened = await createSealedAccountStore(repo.accounts, newBox).findByApiKey(created.value.apiKey);
    expect(reopened?.apiSecret).toBe(created.value.apiSecret);
  });

  it('finds the accounts sealed with a key the box lacks (another instance’s), until they are rotated', async () => {
    const [keyA, keyB] = [toSecretKey(Buffer.alloc(32, 1)), toSecretKey(Buffer.alloc(32, 2))];
    const [boxA, boxB] = [createSecretBox([keyA]), createSecretBox([keyB])];
    const serviceOf = (box: typeof boxA) =>
      createAccountsService({ accounts: createSealedAccountStore(repo.accounts, box), now: clock.read });
    const created = await serviceOf(boxA).create('acme');
    await repo.accounts.create({ username: 'plain', apiKey: 'plain-key-1', apiSecret: 'plain-secret-1', createdAt: 0 });
    if (!created.ok) throw new Error('not created');
    expect(await findForeignSealedSecrets(repo.accounts, boxA)).toEqual({ usernames: [], keyIds: [] });
    expect(await findForeignSealedSecrets(repo.accounts, boxB)).toEqual({ usernames: ['acme'], keyIds: [keyA.id] });
    expect(await findForeignSealedSecrets(repo.accounts, createSecretBox([keyB, keyA]))).toEqual({
      usernames: [],
      keyIds: [],
    });
    const io = { out: () => undefined, err: () => undefined };
    expect(await runAccountsCommand(['rotate', created.value.apiKey], serviceOf(boxB), io)).toBe(0);
    expect(await findForeignSealedSecrets(repo.accounts, boxB)).toEqual({ usernames: [], keyIds: [] });
  });

  it('rotates a secret: the old one works during the grace period only, the new one at once', async () => {
    const created = await service().create('acme');
    if (!created.ok) throw new Error('not created');
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    const args = ['rotate', created.value.apiKey, '--grace-hours', '2'];
    expect(await runAccountsCommand(args, service(), io)).toBe(0);
    const newSecret = /API-Secret: (\S+)/.exec(out.join('\n'))?.[1] ?? '';
    expect(newSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(out.join('\n')).toContain('keeps working for 2 h');
    const stored = await repo.accounts.findByUsername('acme');
    expect([stored?.apiSecret, stored?.previousApiSecret].every((value) => isSealedSecret(value ?? ''))).toBe(true);
    const rotated = { ...created.value, apiSecret: newSecret };
    expect((await list(rotated)).status).toBe(200);
    expect((await list(created.value)).status).toBe(200);
    clock.now = new Date(clock.now.getTime() + 2 * hour + 1000);
    expect((await list(created.value)).status).toBe(401);
    expect((await list(rotated)).status).toBe(200);
    expect(await runAccountsCommand(['rotate', 'no-such-key'], service(), io)).toBe(1);
    expect(await runAccountsCommand(['rotate', created.value.apiKey, '--grace-hours', 'x'], service(), io)).toBe(2);
  });
});
