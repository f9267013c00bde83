import { lazy, Suspense } from 'react';
import { matchRoute } from '../config/paths.js';
import { useLocation } from '../lib/router.js';
import { RouteErrorBoundary } from './route-error-boundary.js';
import { HomeRoute } from './routes/home-route.js';
import { NotFoundRoute } from './routes/not-found-route.js';
import { SessionRoute } from './routes/session-route.js';

// the capture app is a separate chunk: reviewers never load it, phones load it on demand
const CaptureRoute = lazy(() =>
  import('./routes/capture-route.js').then((module) => ({ default: module.CaptureRoute })),
);

function RouteContent({ pathname }: { pathname: string }) {
  const route = matchRoute(pathname);
  switch (route.name) {
    case 'home':
      return <HomeRoute />;
    case 'session':
      return <SessionRoute sessionKey={route.sessionKey} />;
    case 'capture':
      return <CaptureRoute sessionKey={route.sessionKey} />;
    case 'not_found':
      return <NotFoundRoute />;
  }
}

/** Picks the route for the current path; each route has its own error boundary. */
export function AppRouter() {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary key={pathname}>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <RouteContent pathname={pathname} />
      </Suspense>
    </RouteErrorBoundary>
  );
}
