import { lazy, Suspense } from 'react';
import { adminTitles, matchRoute } from '../config/paths.js';
import { useLocation } from '../lib/router.js';
import { RouteErrorBoundary } from './route-error-boundary.js';
import { NotFoundRoute } from './routes/not-found-route.js';
import { SignInGate } from './sign-in-gate.js';

// Each route is its own chunk, so a page loads only its own code on top of the shell (providers, router,
// layout, sign-in): scripts/check-bundle-budget.mjs holds each review page to the budget. The capture app is
// never loaded by reviewers; phones load nothing of the review pages.
const HomeRoute = lazy(() => import('./routes/home-route.js').then((module) => ({ default: module.HomeRoute })));
const SessionRoute = lazy(() =>
  import('./routes/session-route.js').then((module) => ({ default: module.SessionRoute })),
);
const IntegrationsRoute = lazy(() =>
  import('./routes/integrations-route.js').then((module) => ({ default: module.IntegrationsRoute })),
);
const AdminRoute = lazy(() => import('./routes/admin-route.js').then((module) => ({ default: module.AdminRoute })));
const WelcomeRoute = lazy(() =>
  import('./routes/welcome-route.js').then((module) => ({ default: module.WelcomeRoute })),
);
const CaptureRoute = lazy(() =>
  import('./routes/capture-route.js').then((module) => ({ default: module.CaptureRoute })),
);

function RouteContent({ pathname }: { pathname: string }) {
  const route = matchRoute(pathname);
  switch (route.name) {
    case 'home':
      return (
        <SignInGate title="PAVE sessions">
          <HomeRoute />
        </SignInGate>
      );
    case 'session':
      return (
        <SignInGate title={`Session ${route.sessionKey} · PAVE sessions`}>
          <SessionRoute sessionKey={route.sessionKey} />
        </SignInGate>
      );
    case 'integrations':
      return (
        <SignInGate title="Integrations · PAVE sessions" permission="administer">
          <IntegrationsRoute />
        </SignInGate>
      );
    case 'capture':
      return <CaptureRoute sessionKey={route.sessionKey} />;
    case 'welcome':
      return <WelcomeRoute />;
    case 'admin':
      return (
        <SignInGate title={`${adminTitles[route.section]} · PAVE sessions`} permission="administer">
          <AdminRoute section={route.section} />
        </SignInGate>
      );
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
