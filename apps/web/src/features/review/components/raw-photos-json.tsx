import { useState } from 'react';
import { CopyButton } from '../../../components/copy-button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { useSessionPhotos } from '../api/session-photos.js';

/** Props of {@link RawPhotosJson}. */
export type RawPhotosJsonProps = { sessionKey: string; live: boolean };

function PhotosJson({ sessionKey, live }: RawPhotosJsonProps) {
  const photos = useSessionPhotos(sessionKey, { live, enabled: true });
  if (photos.isPending) return <p role="status">Loading…</p>;
  if (photos.isError)
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

/** The PAVE-shaped answer of `GET …/photos`, for integrators, with a copy button; fetched when opened. */
export function RawPhotosJson({ sessionKey, live }: RawPhotosJsonProps) {
  const [open, setOpen] = useState(false);
  return (
    <section className="raw-json" aria-labelledby="raw-json-title">
      <h2 id="raw-json-title">
        <button type="button" className="button button--link" aria-expanded={open} onClick={() => setOpen(!open)}>
          Raw JSON of GET /v1/sessions/{sessionKey}/photos
        </button>
      </h2>
      {open ? <PhotosJson sessionKey={sessionKey} live={live} /> : null}
    </section>
  );
}
