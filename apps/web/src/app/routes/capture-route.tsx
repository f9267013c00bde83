import { CaptureToken } from '@pave/domain';
import { useState } from 'react';
import { CaptureApp } from '../../features/capture/components/capture-app.js';
import { CaptureLinkProvider } from '../../lib/clients.js';

/** Props of {@link CaptureRoute}. */
export type CaptureRouteProps = { sessionKey: string };

// The link's token travels in the URL fragment, which browsers never send to a server or put in a Referer.
function tokenOfFragment(): string | null {
  const parsed = CaptureToken.safeParse(window.location.hash.slice(1));
  return parsed.success ? parsed.data : null;
}

/** `/capture/:key#<token>`: the phone capture app (its own chunk, loaded lazily). */
export function CaptureRoute({ sessionKey }: CaptureRouteProps) {
  const [token] = useState(tokenOfFragment);
  return (
    <>
      <title>Vehicle inspection</title>
      <header className="app-header app-header--capture">
        <h1 className="app-header__brand">Vehicle inspection</h1>
        <p className="app-header__session">{sessionKey}</p>
      </header>
      <main id="main" className="app-main app-main--capture">
        {token ? (
          <CaptureLinkProvider sessionKey={sessionKey} token={token}>
            <CaptureApp sessionKey={sessionKey} />
          </CaptureLinkProvider>
        ) : (
          <p role="alert">
            This capture link is incomplete. Open the whole link you were sent, including the part after the “#”.
          </p>
        )}
      </main>
    </>
  );
}
