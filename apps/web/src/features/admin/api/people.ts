import type { PeopleClient } from '@pave/client';
import type { AuditLog, InviteList, Role, UserList } from '@pave/domain';
import { useReviewClient } from '../../../lib/clients.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { useQuery } from '../../../lib/use-query.js';

/** `GET /v1/users`. */
export function usersQuery(client: PeopleClient): QueryDescriptor<UserList> {
  return { key: ['admin', 'users'], fetch: (signal) => client.admin.users.list({ signal }) };
}

/** `GET /v1/invites`. */
export function invitesQuery(client: PeopleClient): QueryDescriptor<InviteList> {
  return { key: ['admin', 'invites'], fetch: (signal) => client.admin.invites.list({ signal }) };
}

/** `GET /v1/audit`, one page. */
export function auditQuery(client: PeopleClient, before: number | null): QueryDescriptor<AuditLog> {
  return {
    key: ['admin', 'audit', before],
    fetch: (signal) => client.admin.audit.list(before === null ? {} : { before }, { signal }),
  };
}

/** The account's people. */
export function useUsers() {
  return useQuery(usersQuery(useReviewClient()));
}

/** The pending one-time links. */
export function useInvites() {
  return useQuery(invitesQuery(useReviewClient()));
}

/** A page of the audit log. */
export function useAuditLog(before: number | null) {
  return useQuery(auditQuery(useReviewClient(), before));
}

/** A mutation of the admin's that refreshes the people and links afterwards. */
function usePeopleMutation<TVariables, TData>(run: (client: PeopleClient, variables: TVariables) => Promise<TData>) {
  const client = useReviewClient();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: (variables: TVariables) => run(client, variables),
    onSuccess: () => {
      cache.invalidate(['admin', 'users']);
      cache.invalidate(['admin', 'invites']);
    },
  });
}

/** `POST /v1/invites`: the link is in the answer, shown once. */
export function useInvite() {
  return usePeopleMutation((client, { email, role }: { email: string; role: Role }) =>
    client.admin.invites.create(email, role),
  );
}

/** `DELETE /v1/invites/:id`. */
export function useWithdrawInvite() {
  return usePeopleMutation((client, id: number) => client.admin.invites.withdraw(id));
}

/** `PATCH /v1/users/:id`. */
export function useSetRole() {
  return usePeopleMutation((client, { id, role }: { id: number; role: Role }) => client.admin.users.setRole(id, role));
}

/** `DELETE /v1/users/:id`. */
export function useRemoveUser() {
  return usePeopleMutation((client, id: number) => client.admin.users.remove(id));
}

/** `POST /v1/users/:id/password-reset`: the link is in the answer, shown once. */
export function useResetPassword() {
  return usePeopleMutation((client, id: number) => client.admin.users.resetPassword(id));
}
