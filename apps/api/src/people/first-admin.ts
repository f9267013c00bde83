import type { BootstrapAdmin } from '../config.js';
import type { Repository } from '../storage/repository.js';
import { createUsersService } from './users.service.js';

/** What a start did about the first admin: nothing (people exist), made one, or made a one-time admin link. */
export type FirstAdmin = { kind: 'none' } | { kind: 'created'; email: string } | { kind: 'link'; url: string };

/** Who the audit and invite list name as the maker of a start's first-admin link. */
export const firstStartLinkAuthor = 'first start';

/** Withdraws the account's unused first-admin links of earlier starts; returns how many. */
async function withdrawEarlierLinks(repo: Repository, accountId: number, at: number): Promise<number> {
  const earlier = (await repo.users.listInvites(accountId, at)).filter(
    (invite) => invite.createdBy === firstStartLinkAuthor && invite.role === 'admin' && invite.email === '',
  );
  const withdrawn = await Promise.all(earlier.map((invite) => repo.users.deleteInvite(accountId, invite.id)));
  return withdrawn.filter(Boolean).length;
}

/**
 * While nobody can sign in (no people at all), gives the first account its first admin: the one of
 * `PAVE_BOOTSTRAP_ADMIN` when set, otherwise a one-time admin link (valid 7 days) for whoever starts the server. Each
 * start's link replaces the earlier starts' unused ones (they stop working), so only the link printed last is valid;
 * links made with `npm run accounts -- admin-link` are left alone.
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
  await withdrawEarlierLinks(repo, account.id, options.now().getTime());
  const { url } = await users.adminLink(account, firstStartLinkAuthor);
  return { kind: 'link', url };
}
