import { runAccountsCommand } from './accounts/accounts-command.js';
import { createAccountsService } from './accounts/accounts.service.js';
import { readConfig } from './config.js';
import { createLogger } from './logger.js';
import { openRepository } from './storage/open-repository.js';

// `npm run accounts -- create <username> | list | revoke <api-key>`: manages accounts in the configured storage
// (the same settings as the server: DATABASE_URL, else PAVE_DATA_DIR).

async function main(): Promise<number> {
  const config = readConfig();
  if (!config.ok) {
    process.stderr.write(`${config.error.message}\n`);
    return 1;
  }
  const repo = await openRepository(config.value, createLogger('silent'));
  try {
    const accounts = createAccountsService({ accounts: repo.accounts, now: () => new Date() });
    return await runAccountsCommand(process.argv.slice(2), accounts, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
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
