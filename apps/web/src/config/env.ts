import * as z from 'zod/mini';

/** What the app needs from its environment: the API's origin (the page's own, since the API serves the app). */
const Env = z.object({ apiBaseUrl: z.url({ protocol: /^https?$/ }) });
export type Env = z.infer<typeof Env>;

/** Reads the environment once at start-up; throws when the page's origin is not an http(s) URL. */
export function readEnv(location: Pick<Location, 'origin'>): Env {
  return Env.parse({ apiBaseUrl: location.origin });
}
