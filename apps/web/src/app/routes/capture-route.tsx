import { CaptureToken } from '@pave/domain';
import { useState } from 'react';
import { CaptureApp } from '../../features/capture/components/capture-app.js';
import { CaptureLinkProvider } from '../../lib/capture-link.js';

/** Props of {@link CaptureRoute}. */
export type CaptureRouteProps = { sessionKey: string };

// The link's token travels in the URL fragment, which browsers never send to a server or put in a Referer.
function tokenOfFragment(): string | null {
  const parsed = CaptureToken.safeParse(window.location.hash.slice(1));
  return parsed.success ? parsed.data : null;
}

/** `/capture/:key#<token>`: the phone capture app (its own chunk, loaded lazily), in the session's language. */
export function CaptureRoute({ sessionKey }: CaptureRouteProps) {
  const [token] = useState(tokenOfFragment);
  if (token) {
    return (
      <CaptureLinkProvider sessionKey={sessionKey} token={token}>
        <CaptureApp sessionKey={sessionKey} />
      </CaptureLinkProvider>
    );
  }
  return (
    <>
      <title>Vehicle inspection</title>
      <header className="app-header app-header--capture">
        <h1 className="app-header__brand">Vehicle inspection</h1>
      </header>
      <main id="main" className="app-main app-main--capture">
        <p role="alert">
          This capture link is incomplete. Open the whole link you were sent, including the part after the “#”.
        </p>
      </main>
    </>
  );
}
