import { lazy, Suspense, useState } from 'react';

// only integrators open the panel: its code is a separate chunk, loaded when opened
const PhotosJson = lazy(() => import('./photos-json.js').then((module) => ({ default: module.PhotosJson })));

/** Props of {@link RawPhotosJson}. */
export type RawPhotosJsonProps = { sessionKey: string; live: boolean };

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
      {open ? (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <PhotosJson sessionKey={sessionKey} live={live} />
        </Suspense>
      ) : null}
    </section>
  );
}
