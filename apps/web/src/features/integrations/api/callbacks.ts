import type { CallbackEvent, CallbackList, CreateCallbackRequest, UpdateCallbackRequest } from '@pave/domain';
import { useCallbacksApi, type CallbacksApi } from './callbacks-client.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { useQuery } from '../../../lib/use-query.js';

/** The key prefix of every callbacks query: the configurations and the delivery log. */
export const callbacksKey = ['callbacks'] as const;

/** `GET /v1/callbacks`: one configuration per event. */
export function callbacksQuery(client: CallbacksApi): QueryDescriptor<CallbackList> {
  return { key: [...callbacksKey, 'list'], fetch: (signal) => client.callbacks.list({ signal }) };
}

/** The account's callback configurations. */
export function useCallbacks() {
  return useQuery(callbacksQuery(useCallbacksApi()));
}

/** What the callback form saves: a new configuration (create, or replace) or a change to an event's one. */
export type CallbackChange =
  | { readonly kind: 'create'; readonly request: CreateCallbackRequest }
  | { readonly kind: 'update'; readonly event: CallbackEvent; readonly change: UpdateCallbackRequest };

/** `POST /v1/callbacks` or `PUT /v1/callbacks/:event`; refreshes the list afterwards. */
export function useSaveCallback() {
  const client = useCallbacksApi();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: (change: CallbackChange) =>
      change.kind === 'create'
        ? client.callbacks.create(change.request)
        : client.callbacks.update(change.event, change.change),
    onSuccess: () => cache.invalidate([...callbacksKey, 'list']),
  });
}

/** `DELETE /v1/callbacks/:event`; refreshes the list afterwards. */
export function useDeleteCallback() {
  const client = useCallbacksApi();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: (event: CallbackEvent) => client.callbacks.delete(event),
    onSuccess: () => cache.invalidate([...callbacksKey, 'list']),
  });
}

/**
 * `POST /v1/callbacks/:event/test`: one signed test event sent now; resolves to the outcome (a receiver's failure is
 * an outcome too). Changes nothing the page shows, so nothing is refreshed.
 */
export function useTestCallback() {
  const client = useCallbacksApi();
  return useMutation({ mutationFn: (event: CallbackEvent) => client.callbacks.test(event) });
}
