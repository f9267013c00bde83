import type { BootstrapAdmin } from '../config.js';
import type { Repository } from '../storage/repository.js';
import { createUsersService } from './users.service.js';

/** What a start did about the first admin: nothing (people exist), made one, or made a one-time admin link. */
export type FirstAdmin = { kind: 'none' } | { kind: 'created'; email: string } | { kind: 'link'; url: string };

/**
 * While nobody can sign in (no people at all), gives the first account its first admin: the one of
 * `PAVE_BOOTSTRAP_ADMIN` when set, otherwise a one-time admin link (valid 7 days) for whoever starts the server.
 */
export async function ensureFirstAdmin(
  repo: Repository,
  options: { bootstrapAdmin: BootstrapAdmin | null; publicBaseUrl: string; now: () => Date },
): Promise<FirstAdmin> {
  if ((await repo.users.count()) > 0) return { kind: 'none' };
  const [account] = await repo.accounts.list();
  if (!account) return { kind: 'none' };
  const users = createUsersService({ ...repo, ...options });
  if (options.bootstrapAdmin) {
    const { email, password } = options.bootstrapAdmin;
    return (await users.createAdmin(account, email, password)) ? { kind: 'created', email } : { kind: 'none' };
  }
  const { url } = await users.adminLink(account, 'first start');
  return { kind: 'link', url };
}
