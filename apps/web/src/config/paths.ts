import { acceptInvitePath, capturePath, capturePathPrefix } from '@pave/domain';

/** The app's routes, matched on `window.location.pathname` (the API serves the app with an SPA fallback). */
export type Route =
  | { name: 'home' }
  | { name: 'session'; sessionKey: string }
  | { name: 'integrations' }
  | { name: 'capture'; sessionKey: string }
  | { name: 'welcome' }
  | { name: 'admin'; section: AdminSection }
  | { name: 'not_found' };

/** The admin's pages. */
export type AdminSection = 'people' | 'api-keys' | 'audit';

const adminSections: readonly AdminSection[] = ['people', 'api-keys', 'audit'];

/** The titles of the admin's pages. */
export const adminTitles = { people: 'People', 'api-keys': 'API keys', audit: 'Audit log' } as const satisfies Record<
  AdminSection,
  string
>;

export const paths = {
  home: () => '/',
  session: (sessionKey: string) => `/sessions/${encodeURIComponent(sessionKey)}`,
  integrations: () => '/integrations',
  capture: capturePath,
  welcome: () => acceptInvitePath,
  admin: (section: AdminSection) => `/admin/${section}`,
} as const;

const sessionPattern = /^\/sessions\/([^/]+)\/?$/;
const capturePattern = new RegExp(`^${capturePathPrefix}([^/]+)/?$`);

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The route a pathname points at; unknown paths and undecodable keys are `not_found`. */
export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/integrations' || pathname === '/integrations/') return { name: 'integrations' };
  if (pathname === acceptInvitePath) return { name: 'welcome' };
  const section = adminSections.find((candidate) => pathname === `/admin/${candidate}`);
  if (section) return { name: 'admin', section };
  const session = sessionPattern.exec(pathname)?.[1];
  const sessionKey = session === undefined ? null : decodeSegment(session);
  if (sessionKey) return { name: 'session', sessionKey };
  const capture = capturePattern.exec(pathname)?.[1];
  const captureKey = capture === undefined ? null : decodeSegment(capture);
  if (captureKey) return { name: 'capture', sessionKey: captureKey };
  return { name: 'not_found' };
}
