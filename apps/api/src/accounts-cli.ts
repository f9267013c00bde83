import { runAccountsCommand } from './accounts/accounts-command.js';
import { createAccountsService } from './accounts/accounts.service.js';
import { readConfig } from './config.js';
import { createUsersService } from './people/users.service.js';
import { createLogger } from './logger.js';
import { createSealedAccountStore, sealAccountSecrets } from './accounts/sealed-account-store.js';
import { sealApiKeySecrets } from './people/sealed-api-key-store.js';
import { openSecretBox } from './secrets/open-secret-box.js';
import { openRepository } from './storage/open-repository.js';

// `npm run accounts -- create <username> | list | revoke <api-key> | rotate <api-key> [--grace-hours <h>] |
// admin-link <username>`: manages accounts in the configured storage (the same settings as the server: DATABASE_URL,
// else PAVE_DATA_DIR, and the same PAVE_SECRET_KEY, which seals API secrets).

async function main(): Promise<number> {
  const config = readConfig();
  if (!config.ok) {
    process.stderr.write(`${config.error.message}\n`);
    return 1;
  }
  const logger = createLogger('silent');
  const box = await openSecretBox(config.value, logger);
  const repo = await openRepository(config.value, logger);
  try {
    await sealAccountSecrets(repo.accounts, box);
    await sealApiKeySecrets(repo.apiKeys, box);
    const store = createSealedAccountStore(repo.accounts, box);
    const now = () => new Date();
    const accounts = createAccountsService({ accounts: store, now });
    const users = createUsersService({ ...repo, now, publicBaseUrl: config.value.publicBaseUrl });
    const makeAdminLink = async (username: string) => {
      const account = await repo.accounts.findByUsername(username);
      return account && (await users.adminLink(account, 'npm run accounts')).url;
    };
    const io = {
      out: (line: string) => process.stdout.write(`${line}\n`),
      err: (line: string) => process.stderr.write(`${line}\n`),
    };
    return await runAccountsCommand(process.argv.slice(2), accounts, io, makeAdminLink);
  } finally {
    await repo.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`accounts: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
