import { useEffect } from 'react';
import { isPaveClientError } from '@pave/client/errors';
import { useCaptureChangeClient, useRefreshCaptureState } from '../api/capture-state.js';
import { forgetUpload, pendingUploads, type PendingUpload } from '../utils/pending-uploads.js';
import { shrinkPhoto } from '../utils/shrink-photo.js';

const online = () =>
  navigator.onLine
    ? Promise.resolve()
    : new Promise<void>((resolve) => window.addEventListener('online', () => resolve(), { once: true }));

/**
 * Sends the photos kept from before a reload that the server never answered, once the phone is online; each is
 * dropped only when the server answered it (accepted, rejected or refused), so none is lost to a weak network. Not
 * while `enabled` is false (a reviewer's preview sends nothing).
 */
export function usePendingUploads(sessionKey: string, enabled: boolean): void {
  const client = useCaptureChangeClient();
  const { onSuccess: refresh } = useRefreshCaptureState(sessionKey);
  useEffect(() => {
    if (!enabled) return undefined;
    let stopped = false;
    const sendOne = async (upload: PendingUpload): Promise<void> => {
      for (let tries = 0; tries < 20 && !stopped; tries += 1) {
        await online();
        try {
          await client.upload(upload.photoCode, await shrinkPhoto(upload.photo));
        } catch (error) {
          if (isPaveClientError(error) && error.kind === 'network') continue;
        }
        await forgetUpload(upload.id);
        return;
      }
    };
    void (async () => {
      const kept = await pendingUploads(sessionKey);
      for (const upload of kept) await sendOne(upload);
      if (kept.length > 0 && !stopped) await refresh();
    })();
    return () => {
      stopped = true;
    };
    // once per page load: later photos are sent by their own step
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
