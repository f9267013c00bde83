import type { AdminClient } from '@pave/client';
import type { AuditLog, InviteList, Role, UserList } from '@pave/domain';
import { useAdminClient } from './admin-client.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { useQuery } from '../../../lib/use-query.js';

/** `GET /v1/users`. */
export function usersQuery(client: AdminClient): QueryDescriptor<UserList> {
  return { key: ['admin', 'users'], fetch: (signal) => client.users.list({ signal }) };
}

/** `GET /v1/invites`. */
export function invitesQuery(client: AdminClient): QueryDescriptor<InviteList> {
  return { key: ['admin', 'invites'], fetch: (signal) => client.invites.list({ signal }) };
}

/** `GET /v1/audit`, one page. */
export function auditQuery(client: AdminClient, before: number | null): QueryDescriptor<AuditLog> {
  return {
    key: ['admin', 'audit', before],
    fetch: (signal) => client.audit.list(before === null ? {} : { before }, { signal }),
  };
}

/** The account's people. */
export function useUsers() {
  return useQuery(usersQuery(useAdminClient()));
}

/** The pending one-time links. */
export function useInvites() {
  return useQuery(invitesQuery(useAdminClient()));
}

/** A page of the audit log. */
export function useAuditLog(before: number | null) {
  return useQuery(auditQuery(useAdminClient(), before));
}

/** A mutation of the admin's that refreshes the people and links afterwards. */
function usePeopleMutation<TVariables, TData>(run: (client: AdminClient, variables: TVariables) => Promise<TData>) {
  const client = useAdminClient();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: (variables: TVariables) => run(client, variables),
    onSuccess: () => {
      void cache.invalidate(['admin', 'users']);
      void cache.invalidate(['admin', 'invites']);
    },
  });
}

/** `POST /v1/invites`: the link is in the answer, shown once. */
export function useInvite() {
  return usePeopleMutation((client, { email, role }: { email: string; role: Role }) =>
    client.invites.create(email, role),
  );
}

/** `DELETE /v1/invites/:id`. */
export function useWithdrawInvite() {
  return usePeopleMutation((client, id: number) => client.invites.withdraw(id));
}

/** `PATCH /v1/users/:id`. */
export function useSetRole() {
  return usePeopleMutation((client, { id, role }: { id: number; role: Role }) => client.users.setRole(id, role));
}

/** `DELETE /v1/users/:id`. */
export function useRemoveUser() {
  return usePeopleMutation((client, id: number) => client.users.remove(id));
}

/** `POST /v1/users/:id/password-reset`: the link is in the answer, shown once. */
export function useResetPassword() {
  return usePeopleMutation((client, id: number) => client.users.resetPassword(id));
}
