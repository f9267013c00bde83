import { useSyncExternalStore } from 'react';
import { useText } from '../i18n/text-context.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

const isOnline = () => navigator.onLine;

/** Says so while the phone is offline: photos taken meanwhile are kept and sent later. */
export function OfflineNotice() {
  const text = useText();
  const online = useSyncExternalStore(subscribe, isOnline, () => true);
  return online ? null : (
    <p className="offline-notice" role="status">
      {text.offline}
    </p>
  );
}
