import { createCaptureClient } from '@pave/client/capture';
import { capturePath } from '@pave/domain';
import { useMemo, type ReactNode } from 'react';
import { CaptureLinkContext, useCaptureSettings } from './clients.js';

/** Props of {@link CaptureLinkProvider}. */
export type CaptureLinkProviderProps = { sessionKey: string; token: string; children: ReactNode };

/**
 * Provides the capture client of the link the page was opened with (its key, and the token of its fragment). It
 * lives apart from lib/clients.tsx so that only the capture route's chunk carries the capture client.
 */
export function CaptureLinkProvider({ sessionKey, token, children }: CaptureLinkProviderProps) {
  const { apiBaseUrl, timeoutMs, fetch } = useCaptureSettings();
  const client = useMemo(
    () => createCaptureClient({ captureUrl: `${apiBaseUrl}${capturePath(sessionKey)}#${token}`, timeoutMs, fetch }),
    [apiBaseUrl, timeoutMs, fetch, sessionKey, token],
  );
  return <CaptureLinkContext value={client}>{children}</CaptureLinkContext>;
}
