import type { AdminClient } from '@pave/client';
import type { ApiKeyList } from '@pave/domain';
import { useAdminClient } from './admin-client.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { useQuery } from '../../../lib/use-query.js';

/** `GET /v1/api-keys`. */
export function apiKeysQuery(client: AdminClient): QueryDescriptor<ApiKeyList> {
  return { key: ['admin', 'api-keys'], fetch: (signal) => client.apiKeys.list({ signal }) };
}

/** The account's API keys (never their secrets). */
export function useApiKeys() {
  return useQuery(apiKeysQuery(useAdminClient()));
}

function useKeyMutation<TVariables, TData>(run: (client: AdminClient, variables: TVariables) => Promise<TData>) {
  const client = useAdminClient();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: (variables: TVariables) => run(client, variables),
    onSuccess: () => cache.invalidate(['admin', 'api-keys']),
  });
}

/** `POST /v1/api-keys`: the secret is in the answer, shown once. */
export function useCreateApiKey() {
  return useKeyMutation((client, label: string) => client.apiKeys.create(label));
}

/** `POST /v1/api-keys/:key/rotate`: the new secret is in the answer, shown once. */
export function useRotateApiKey() {
  return useKeyMutation((client, apiKey: string) => client.apiKeys.rotate(apiKey));
}

/** `POST /v1/api-keys/:key/revoke`. */
export function useRevokeApiKey() {
  return useKeyMutation((client, apiKey: string) => client.apiKeys.revoke(apiKey));
}
