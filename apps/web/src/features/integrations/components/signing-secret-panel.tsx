import { CopyButton } from '../../../components/copy-button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { formatTimestamp } from '../../../lib/format.js';
import { useSigningSecret } from '../api/signing-secret.js';

/** The signing secret deliveries are signed with: shown on request, rotated after a confirmation. */
export function SigningSecretPanel() {
  const secret = useSigningSecret();
  const rotate = () => {
    const question = 'Rotate the signing secret? The current one keeps signing alongside the new one for 24 hours.';
    if (window.confirm(question)) secret.mutate('rotate');
  };
  const shown = secret.status === 'success' ? secret.data : undefined;
  return (
    <section className="integrations__panel" aria-labelledby="signing-secret-title">
      <h2 id="signing-secret-title">Signing secret</h2>
      <p>
        Every delivery is signed (Standard Webhooks: <code>webhook-id</code>, <code>webhook-timestamp</code>,{' '}
        <code>webhook-signature</code>); receivers verify it with this secret.
      </p>
      {shown ? (
        <div className="integrations__secret">
          <p>
            <code>{shown.secret}</code>
          </p>
          <CopyButton text={shown.secret} label="Copy signing secret" />
          <p>Created {formatTimestamp(shown.created_at)}.</p>
          {shown.previous_expires_at ? (
            <p>The previous secret also signs until {formatTimestamp(shown.previous_expires_at)}.</p>
          ) : null}
        </div>
      ) : null}
      {secret.status === 'error' ? <ErrorMessage>{summarizeError(secret.error).message}</ErrorMessage> : null}
      <div className="integrations__actions">
        {shown ? null : (
          <button
            type="button"
            className="button"
            onClick={() => secret.mutate('reveal')}
            disabled={secret.status === 'pending'}
          >
            Reveal signing secret
          </button>
        )}
        <button type="button" className="button" onClick={rotate} disabled={secret.status === 'pending'}>
          Rotate signing secret
        </button>
      </div>
    </section>
  );
}
