import { runAccountsCommand } from './accounts/accounts-command.js';
import { createAccountsService } from './accounts/accounts.service.js';
import { readConfig } from './config.js';
import { createUsersService } from './people/users.service.js';
import { createLogger } from './logger.js';
import { openRepository } from './storage/open-repository.js';

// `npm run accounts -- create <username> | list | revoke <api-key> | admin-link <username>`: manages accounts in the configured storage
// (the same settings as the server: DATABASE_URL, else PAVE_DATA_DIR).

async function main(): Promise<number> {
  const config = readConfig();
  if (!config.ok) {
    process.stderr.write(`${config.error.message}\n`);
    return 1;
  }
  const repo = await openRepository(config.value, createLogger('silent'));
  try {
    const now = () => new Date();
    const accounts = createAccountsService({ accounts: repo.accounts, now });
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
