import type { Repository } from '../storage/repository.js';
import { createSqliteTestStorage, type TestStorage } from '../testing/test-storage.js';
import { runAccountsCommand } from './accounts-command.js';
import { createAccountsService, demoUsername } from './accounts.service.js';

const at = new Date('2026-03-01T10:00:00Z');

describe('accounts', () => {
  let storage: TestStorage;
  let repo: Repository;
  let counter: number;
  const randomHex = (bytes: number) => String(++counter).padStart(bytes * 2, '0');

  beforeEach(async () => {
    counter = 0;
    storage = createSqliteTestStorage();
    repo = await storage.open();
  });
  afterEach(async () => {
    await repo.close();
    await storage.destroy();
  });

  const service = () => createAccountsService({ accounts: repo.accounts, now: () => at, randomHex });

  it('creates the demo account only in a store with no accounts', async () => {
    const demo = await service().ensureDemo();
    expect(demo).toEqual({ username: demoUsername, apiKey: '0'.repeat(31) + '1', apiSecret: '0'.repeat(63) + '2' });
    expect(await service().ensureDemo()).toBeNull();
    expect(await repo.accounts.count()).toBe(1);
  });

  it('bootstraps missing accounts and leaves existing ones with other credentials alone', async () => {
    const wanted = [
      { username: 'acme', apiKey: 'acme-key-1', apiSecret: 'acme-secret-1' },
      { username: 'beta', apiKey: 'beta-key-1', apiSecret: 'beta-secret-1' },
    ];
    expect(await service().ensureBootstrap(wanted)).toEqual({ created: ['acme', 'beta'], conflicting: [] });
    expect(await service().ensureBootstrap(wanted)).toEqual({ created: [], conflicting: [] });
    const changed = [{ username: 'acme', apiKey: 'acme-key-2', apiSecret: 'acme-secret-1' }];
    expect(await service().ensureBootstrap(changed)).toEqual({ created: [], conflicting: ['acme'] });
    expect((await repo.accounts.findByApiKey('acme-key-1'))?.username).toBe('acme');
    expect(await service().ensureDemo()).toBeNull();
  });

  it('runs create, list and revoke as the CLI does, showing a secret only when created', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    expect(await runAccountsCommand(['create', 'acme'], service(), io)).toBe(0);
    const secret = '0'.repeat(63) + '2';
    expect(out.join('\n')).toContain(`API-Secret: ${secret}`);
    out.length = 0;
    expect(await runAccountsCommand(['revoke', '0'.repeat(31) + '1'], service(), io)).toBe(0);
    expect(await runAccountsCommand(['list'], service(), io)).toBe(0);
    expect(out).toEqual([
      'Revoked. Requests with that key now answer 401 Unknown API-Key.',
      'username\tapi_key\tcreated\trevoked',
      `acme\t${'0'.repeat(31)}1\t2026-03-01T10:00:00.000Z\t2026-03-01T10:00:00.000Z`,
    ]);
    expect(out.join('\n')).not.toContain(secret);
    expect(await runAccountsCommand(['create', 'bad name'], service(), io)).toBe(1);
    expect(await runAccountsCommand(['revoke', 'no-such-key'], service(), io)).toBe(1);
    expect(await runAccountsCommand(['frobnicate'], service(), io)).toBe(2);
    expect(err).toEqual([
      'a username is 1 to 64 letters, digits, dots, dashes or underscores',
      'No active account has that API key.',
      'Usage: npm run accounts -- create <username> | list | revoke <api-key> | rotate <api-key> [--grace-hours <hours>] | admin-link <username>',
    ]);
  });
});
