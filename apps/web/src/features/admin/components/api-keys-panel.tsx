import { CreateApiKeyRequest, type ApiKey, type ApiKeyCreated } from '@pave/domain';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message.js';
import { DataTable } from '../../../components/data-table.js';
import { summarizeError } from '../../../lib/errors.js';
import { formatTimestamp } from '../../../lib/format.js';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, useRotateApiKey } from '../api/api-keys.js';
import { ShownOnce } from './shown-once.js';

function Secret({ created }: { created: ApiKeyCreated }) {
  return (
    <ShownOnce
      title={`Secret of ${created.key.label} (${created.key.api_key})`}
      value={created.api_secret}
      copyLabel="Copy secret"
    >
      <p>
        Username <code>{created.username}</code>, API key <code>{created.key.api_key}</code>.
      </p>
    </ShownOnce>
  );
}

function KeyRow({ apiKey, onRotated }: { apiKey: ApiKey; onRotated: (created: ApiKeyCreated) => void }) {
  const rotate = useRotateApiKey();
  const revoke = useRevokeApiKey();
  const active = apiKey.revoked_at === null;
  return (
    <tr>
      <th scope="row">{apiKey.label}</th>
      <td>
        <code>{apiKey.api_key}</code>
      </td>
      <td>{formatTimestamp(apiKey.created_at)}</td>
      <td>{active ? 'active' : `revoked ${formatTimestamp(apiKey.revoked_at ?? '')}`}</td>
      <td>
        {active ? (
          <button
            type="button"
            className="button"
            onClick={() => rotate.mutate(apiKey.api_key, { onSuccess: onRotated })}
          >
            Rotate {apiKey.label}
          </button>
        ) : null}
        {active && !apiKey.primary ? (
          <button type="button" className="button" onClick={() => revoke.mutate(apiKey.api_key)}>
            Revoke {apiKey.label}
          </button>
        ) : null}
        {rotate.status === 'error' ? <ErrorMessage>{summarizeError(rotate.error).message}</ErrorMessage> : null}
        {revoke.status === 'error' ? <ErrorMessage>{summarizeError(revoke.error).message}</ErrorMessage> : null}
      </td>
    </tr>
  );
}

/** The account's API keys for machines: make one with a label, rotate or revoke; a secret is shown once. */
export function ApiKeysPanel() {
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const [shown, setShown] = useState<ApiKeyCreated | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = CreateApiKeyRequest.safeParse({ label: new FormData(event.currentTarget).get('label') });
    if (parsed.success) create.mutate(parsed.data.label, { onSuccess: setShown });
  };
  return (
    <section className="admin-section" aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      <p className="hint">Keys sign requests from your systems (HMAC). People sign in with their email instead.</p>
      <form className="admin-form" onSubmit={onSubmit}>
        <label className="field">
          <span className="field__label">Label</span>
          <input name="label" required maxLength={100} />
        </label>
        <button type="submit" className="button button--primary" disabled={create.status === 'pending'}>
          Make API key
        </button>
      </form>
      {create.status === 'error' ? <ErrorMessage>{summarizeError(create.error).message}</ErrorMessage> : null}
      {shown ? <Secret created={shown} /> : null}
      {keys.status === 'error' ? <ErrorMessage>{summarizeError(keys.error).message}</ErrorMessage> : null}
      {keys.data ? (
        <DataTable
          caption={`API keys of ${keys.data.username}`}
          columns={['Label', 'Key', 'Created', 'State', 'Actions']}
        >
          {keys.data.data.map((apiKey) => (
            <KeyRow key={apiKey.api_key} apiKey={apiKey} onRotated={setShown} />
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
