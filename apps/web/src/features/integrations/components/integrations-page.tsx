import { CallbacksPanel } from './callbacks-panel.js';
import { DeliveriesPanel } from './deliveries-panel.js';
import { SigningSecretPanel } from './signing-secret-panel.js';
import './integrations-page.css';

/** `/integrations`: where the account's events go (callbacks), how they are signed, and what was delivered. */
export function IntegrationsPage() {
  return (
    <div className="integrations">
      <h1>Integrations</h1>
      <CallbacksPanel />
      <SigningSecretPanel />
      <DeliveriesPanel />
    </div>
  );
}
