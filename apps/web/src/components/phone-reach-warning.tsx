import { isLoopbackUrl, lanBaseUrlHint } from '../lib/loopback-url.js';

/** Props of {@link PhoneReachWarning}. */
export type PhoneReachWarningProps = {
  /** A capture link the server made; nothing is shown unless it points to this machine's loopback. */
  captureUrl: string | null | undefined;
};

/**
 * Warns, on a first run, that capture links point to localhost, which a phone cannot open, and says how to serve the
 * links on the local network instead (the server's `HOST` and `PUBLIC_BASE_URL`).
 */
export function PhoneReachWarning({ captureUrl }: PhoneReachWarningProps) {
  if (typeof captureUrl !== 'string' || !isLoopbackUrl(captureUrl)) return null;
  return (
    <p className="phone-warning">
      <strong>Capture links point to localhost: a phone cannot open them.</strong> Start the server with{' '}
      <code>HOST=0.0.0.0</code> and <code>PUBLIC_BASE_URL={lanBaseUrlHint(captureUrl)}</code>, this computer&rsquo;s
      address on the network.
    </p>
  );
}
