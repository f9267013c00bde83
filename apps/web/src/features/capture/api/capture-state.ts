import type { CaptureClient } from '@pave/client/capture';
import type { CaptureState } from '@pave/domain';
import { useMemo } from 'react';
import { useCaptureClient } from '../../../lib/clients.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { useQuery } from '../../../lib/use-query.js';
import { useCapturePreview } from '../hooks/capture-preview.js';
import { previewClient } from '../utils/preview-client.js';

/** `GET /v1/capture/:key`: the steps, status and whether photos are accepted now. */
export function captureStateQuery(client: CaptureClient, sessionKey: string): QueryDescriptor<CaptureState> {
  return { key: ['capture', sessionKey], fetch: (signal) => client.get({ signal }) };
}

/**
 * How often an open capture page reads its state again while photos are accepted, so a session invalidated (or
 * expired) meanwhile closes the page with its reason even when the driver does nothing. Cheap: an unchanged state is
 * a `304` without a body (the client sends `If-None-Match`).
 */
export const captureStatePollMs = 10_000;

/**
 * The capture client for changes to the session (start, photos, typed values, skips, confirmation): in a reviewer's
 * preview, one that refuses them all before anything is sent.
 */
export function useCaptureChangeClient(): CaptureClient {
  const client = useCaptureClient();
  const preview = useCapturePreview();
  return useMemo(() => (preview ? previewClient(client) : client), [client, preview]);
}

/** The capture state: reading it never starts the session. */
export function useCaptureState(sessionKey: string) {
  return useQuery(captureStateQuery(useCaptureClient(), sessionKey), {
    refetchInterval: (state) => (state.data?.accepting === true ? captureStatePollMs : false),
  });
}

/**
 * Mutation callbacks that refresh the capture state: awaited after a success (so the next screen reads fresh
 * state), fire-and-forget after a failure (a 409 may mean the session expired meanwhile; the error shows at once).
 */
export function useRefreshCaptureState(sessionKey: string) {
  const { key } = captureStateQuery(useCaptureClient(), sessionKey);
  const cache = useQueryCache();
  const refresh = () => cache.invalidate(key);
  return { onSuccess: refresh, onError: () => void refresh() };
}

/** A change to the capture: `send` calls the API with the app's capture client, then the state is refreshed. */
export function useCaptureMutation<TVariables, TData>(
  sessionKey: string,
  send: (client: CaptureClient, variables: TVariables) => Promise<TData>,
) {
  const client = useCaptureChangeClient();
  const refresh = useRefreshCaptureState(sessionKey);
  return useMutation({ mutationFn: (variables: TVariables) => send(client, variables), ...refresh });
}
