import { CaptureApp } from '../../features/capture/components/capture-app.js';

/** Props of {@link CaptureRoute}. */
export type CaptureRouteProps = { sessionKey: string };

/** `/capture/:key`: the phone capture app (its own chunk, loaded lazily). */
export function CaptureRoute({ sessionKey }: CaptureRouteProps) {
  return (
    <>
      <title>Vehicle inspection</title>
      <header className="app-header app-header--capture">
        <h1 className="app-header__brand">Vehicle inspection</h1>
        <p className="app-header__session">{sessionKey}</p>
      </header>
      <main id="main" className="app-main app-main--capture">
        <CaptureApp sessionKey={sessionKey} />
      </main>
    </>
  );
}
