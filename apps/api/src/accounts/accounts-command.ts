import type { AccountsService } from './accounts.service.js';

// The commands of `npm run accounts`. A new secret is printed once, to the given output; never logged.

const usage =
  'Usage: npm run accounts -- create <username> | list | revoke <api-key> | rotate <api-key> [--grace-hours <hours>] | admin-link <username>';

/** How long a rotated secret keeps authenticating unless `--grace-hours` says otherwise. */
export const defaultGraceHours = 24;

/** Where a command writes: stdout and stderr in the CLI, arrays in tests. */
export type Output = { out: (line: string) => void; err: (line: string) => void };

async function create(accounts: AccountsService, username: string, io: Output): Promise<number> {
  const result = await accounts.create(username);
  if (!result.ok) {
    io.err(result.error.code === 'account_exists' ? `Account ${username} already exists.` : result.error.message);
    return 1;
  }
  const { apiKey, apiSecret } = result.value;
  io.out(`Created account ${username}. Its secret is shown only this once; keep it.`);
  io.out(`  username:   ${username}`);
  io.out(`  API-Key:    ${apiKey}`);
  io.out(`  API-Secret: ${apiSecret}`);
  return 0;
}

async function list(accounts: AccountsService, io: Output): Promise<number> {
  const rows = await accounts.list();
  io.out(['username', 'api_key', 'created', 'revoked'].join('\t'));
  for (const row of rows) {
    io.out([row.username, row.apiKey, row.createdAt.toISOString(), row.revokedAt?.toISOString() ?? '-'].join('\t'));
  }
  return 0;
}

async function revoke(accounts: AccountsService, apiKey: string, io: Output): Promise<number> {
  const result = await accounts.revoke(apiKey);
  if (!result.ok) {
    io.err('No active account has that API key.');
    return 1;
  }
  io.out('Revoked. Requests with that key now answer 401 Unknown API-Key.');
  return 0;
}

/** Makes a one-time admin link for an account by username; null when there is no such account. */
export type AdminLinkMaker = (username: string) => Promise<string | null>;

async function adminLink(makeLink: AdminLinkMaker | undefined, username: string, io: Output): Promise<number> {
  const url = makeLink ? await makeLink(username) : null;
  if (url === null) {
    io.err(`No account ${username}.`);
    return 1;
  }
  io.out(`A one-time link (valid 7 days) that makes its holder an admin of ${username}; hand it over privately:`);
  io.out(`  ${url}`);
  return 0;
}

async function rotate(accounts: AccountsService, apiKey: string, graceHours: number, io: Output): Promise<number> {
  const result = await accounts.rotate(apiKey, graceHours * 3600);
  if (!result.ok) {
    io.err('No active account has that API key.');
    return 1;
  }
  io.out(`Rotated the secret of ${result.value.username}. The new secret is shown only this once; keep it.`);
  io.out(`  API-Key:    ${apiKey}`);
  io.out(`  API-Secret: ${result.value.apiSecret}`);
  io.out(`The old secret keeps working for ${graceHours} h; then only the new one does.`);
  return 0;
}

/** `rotate <api-key> [--grace-hours <hours>]`: the key and the grace period, or null when malformed. */
function rotationOf(args: readonly string[]): { apiKey: string; graceHours: number } | null {
  const [apiKey, flag, hours, ...extra] = args;
  if (apiKey === undefined || extra.length > 0) return null;
  if (flag === undefined) return { apiKey, graceHours: defaultGraceHours };
  const graceHours = Number(hours);
  if (flag !== '--grace-hours' || !/^\d{1,4}(\.\d+)?$/.test(hours ?? '')) return null;
  return { apiKey, graceHours };
}

/** Runs one accounts command against a service; returns the exit code. */
export async function runAccountsCommand(
  args: readonly string[],
  accounts: AccountsService,
  io: Output,
  makeAdminLink?: AdminLinkMaker,
): Promise<number> {
  const [command, argument, ...extra] = args;
  if (command === 'rotate') {
    const rotation = rotationOf(args.slice(1));
    if (rotation) return rotate(accounts, rotation.apiKey, rotation.graceHours, io);
  }
  if (extra.length > 0) {
    io.err(usage);
    return 2;
  }
  if (command === 'create' && argument !== undefined) return create(accounts, argument, io);
  if (command === 'list' && argument === undefined) return list(accounts, io);
  if (command === 'revoke' && argument !== undefined) return revoke(accounts, argument, io);
  if (command === 'admin-link' && argument !== undefined) return adminLink(makeAdminLink, argument, io);
  io.err(usage);
  return 2;
}
