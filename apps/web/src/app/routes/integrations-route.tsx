import { IntegrationsPage } from '../../features/integrations/components/integrations-page.js';

/** `/integrations` once signed in (its own chunk, loaded lazily): callbacks, signing secret, delivery log. */
export function IntegrationsRoute() {
  return <IntegrationsPage />;
}
