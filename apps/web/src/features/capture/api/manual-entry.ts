import type { ManualEntryRequest } from '@pave/domain';
import { useCaptureMutation } from './capture-state.js';

/** `POST /v1/capture/:key/manual`: a typed VIN or odometer reading (checked with checkManualEntry first). */
export function useManualEntry(sessionKey: string) {
  return useCaptureMutation(sessionKey, (client, entry: ManualEntryRequest) => client.manual(entry));
}
