import type { ManualEntryRequest } from '@pave/domain';
import { useCaptureClient } from '../../../lib/clients.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { useRefreshCaptureState } from './capture-state.js';

/** `POST /v1/capture/:key/manual`: a typed VIN or odometer reading (checked with checkManualEntry first). */
export function useManualEntry(sessionKey: string) {
  const client = useCaptureClient();
  const refresh = useRefreshCaptureState(sessionKey);
  return useMutation({
    mutationFn: (entry: ManualEntryRequest) => client.manual(sessionKey, entry),
    ...refresh,
  });
}
