import type { ListDeliveriesParams } from '@pave/client/callbacks';
import type { DeliveryList } from '@pave/domain';
import { useCallbacksApi, type CallbacksApi } from './callbacks-client.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { useQuery } from '../../../lib/use-query.js';
import { callbacksKey } from './callbacks.js';

/** The delivery log's filters (none: every delivery). */
export type DeliveryFilters = Pick<ListDeliveriesParams, 'event' | 'state' | 'session_key'>;

/** How often the log is read again while shown: deliveries move on by themselves (retries). */
const deliveriesRefetchMs = 10_000;

/** `GET /v1/callbacks/deliveries` with the filters, newest first (the first 50). */
export function deliveriesQuery(client: CallbacksApi, filters: DeliveryFilters): QueryDescriptor<DeliveryList> {
  return {
    key: [...callbacksKey, 'deliveries', { ...filters }],
    fetch: (signal) => client.callbacks.deliveries({ ...filters, limit: 50 }, { signal }),
  };
}

/** The delivery log under `filters`, refreshed every few seconds. */
export function useDeliveries(filters: DeliveryFilters) {
  return useQuery(deliveriesQuery(useCallbacksApi(), filters), { refetchInterval: deliveriesRefetchMs });
}

/** `POST /v1/callbacks/deliveries/:id/redeliver`; refreshes the log afterwards. */
export function useRedeliver() {
  const client = useCallbacksApi();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: (id: string) => client.callbacks.redeliver(id),
    onSuccess: () => cache.invalidate([...callbacksKey, 'deliveries']),
  });
}
