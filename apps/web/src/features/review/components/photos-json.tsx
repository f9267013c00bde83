import { CopyButton } from '../../../components/copy-button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { useSessionPhotos } from '../api/session-photos.js';

/** Props of {@link PhotosJson}. */
export type PhotosJsonProps = { sessionKey: string; live: boolean };

/** `GET …/photos` as formatted JSON with a copy button, polled while the session is live. */
export function PhotosJson({ sessionKey, live }: PhotosJsonProps) {
  const photos = useSessionPhotos(sessionKey, { live, enabled: true });
  if (photos.status === 'pending') return <p role="status">Loading…</p>;
  if (photos.status === 'error')
    return <ErrorMessage onRetry={() => void photos.refetch()}>{summarizeError(photos.error).message}</ErrorMessage>;
  const json = JSON.stringify(photos.data, null, 2);
  return (
    <>
      <CopyButton text={json} label="Copy JSON" />
      <pre className="raw-json__code" role="region" tabIndex={0} aria-label="Photos JSON">
        <code>{json}</code>
      </pre>
    </>
  );
}
