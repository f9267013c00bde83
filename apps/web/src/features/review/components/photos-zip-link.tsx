import type { SessionProgress } from '@pave/domain';

/** Props of {@link PhotosZipLink}. */
export type PhotosZipLinkProps = { progress: SessionProgress };

/** Where the server streams a session's photos as one ZIP file. */
export function photosZipPath(sessionKey: string): string {
  return `/v1/sessions/${encodeURIComponent(sessionKey)}/photos.zip`;
}

/**
 * Downloads every photo of the session (rejected ones too) as one ZIP, streamed by the server straight to a file: a
 * plain link, so the browser sends the sign-in cookie itself and never holds the archive in memory. Shown once a
 * photo exists.
 */
export function PhotosZipLink({ progress }: PhotosZipLinkProps) {
  const hasPhoto = progress.steps.some((step) => step.attempts.some((attempt) => attempt.url !== null));
  if (!hasPhoto) return null;
  return (
    <a className="button" href={photosZipPath(progress.session_key)} download={`${progress.session_key}-photos.zip`}>
      Download all photos (ZIP)
    </a>
  );
}
