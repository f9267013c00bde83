import { createContext, useContext, type ReactNode } from 'react';

const PreviewContext = createContext(false);

/** Props of {@link CapturePreviewProvider}. */
export type CapturePreviewProviderProps = { preview: boolean; children: ReactNode };

/**
 * Marks the capture app as a reviewer's preview (the link opened with `&preview` after its token): the driver's screens
 * with every change to the session turned off, so the session stays as it was (IDLE, and deletable).
 */
export function CapturePreviewProvider({ preview, children }: CapturePreviewProviderProps) {
  return <PreviewContext value={preview}>{children}</PreviewContext>;
}

/** True in a reviewer's preview of the capture link: nothing may be sent. */
export function useCapturePreview(): boolean {
  return useContext(PreviewContext);
}
