import { isLoopbackUrl } from '../lib/loopback-url.js';

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
    <div className="phone-warning">
      <p>
        <strong>Capture links point to localhost, which a phone cannot open.</strong> To capture from a phone on the
        same network, start the server with <code>HOST=0.0.0.0</code> and{' '}
        <code>PUBLIC_BASE_URL=http://&lt;lan-ip&gt;:3000</code>, where <code>&lt;lan-ip&gt;</code> is this
        computer&rsquo;s address on the network (such as 192.168.1.20).
      </p>
    </div>
  );
}
