import { screen, waitFor, within } from '@testing-library/react';
import { Delivery, type DeliveryState } from '@pave/domain';
import { createFakeApi } from '../../../testing/fake-api.js';
import { fakeSigningSecret } from '../../../testing/fake-callbacks-routes.js';
import { renderApp } from '../../../testing/render-app.js';

function delivery(id: string, state: DeliveryState, statusCode: number | null): Delivery {
  const attempts =
    statusCode === null
      ? []
      : [
          {
            at: '2021-05-27T07:40:02+00:00',
            url: 'https://hooks.example.test/pave',
            status_code: statusCode,
            latency_ms: 84,
            error: statusCode >= 300 ? 'HTTP 500' : null,
          },
        ];
  return Delivery.parse({
    id,
    webhook_id: `msg_${id}`,
    event: state === 'failed' ? 'SESSION:COMPLETE' : 'SESSION:STATUS_CHANGE',
    session_key: 'DEM-0123456789',
    seq: Number(id),
    state,
    created_at: '2021-05-27T07:40:00+00:00',
    next_attempt_at: state === 'pending' ? '2021-05-27T07:41:00+00:00' : null,
    delivered_at: state === 'delivered' ? '2021-05-27T07:40:02+00:00' : null,
    attempts,
  });
}

async function renderIntegrations(deliveries: readonly Delivery[] = []) {
  const rendered = renderApp({ api: createFakeApi({ deliveries }), path: '/integrations' });
  await screen.findByRole('heading', { level: 1, name: 'Integrations' });
  return rendered;
}

function panel(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('IntegrationsPage: callbacks', () => {
  it('adds a callback with a custom header, and lists it', async () => {
    const { user, api } = await renderIntegrations();
    const callbacks = within(panel('Callbacks'));
    expect(await callbacks.findByText('No callbacks yet: events are not sent anywhere.')).toBeInTheDocument();

    const form = within(callbacks.getByRole('form', { name: 'Add a callback' }));
    await user.selectOptions(form.getByRole('combobox', { name: 'Event' }), 'SESSION:COMPLETE');
    await user.type(form.getByRole('textbox', { name: 'URL' }), 'https://hooks.example.test/pave');
    await user.type(form.getByRole('textbox', { name: /Headers/ }), 'X-Tenant: acme');
    await user.click(form.getByRole('button', { name: 'Add callback' }));

    const row = await callbacks.findByRole('row', { name: /SESSION:COMPLETE/ });
    expect(row).toHaveTextContent('https://hooks.example.test/pave');
    expect(row).toHaveTextContent('X-Tenant');
    expect(api.sentJson('POST /v1/callbacks')).toEqual([
      {
        event: 'SESSION:COMPLETE',
        url: 'https://hooks.example.test/pave',
        method: 'POST',
        headers: { 'X-Tenant': 'acme' },
      },
    ]);
  });

  it('says which header line it cannot read, and sends nothing', async () => {
    const { user, api } = await renderIntegrations();
    const form = within(await screen.findByRole('form', { name: 'Add a callback' }));
    await user.selectOptions(form.getByRole('combobox', { name: 'Event' }), 'SESSION:COMPLETE');
    await user.type(form.getByRole('textbox', { name: 'URL' }), 'https://hooks.example.test/pave');
    await user.type(form.getByRole('textbox', { name: /Headers/ }), 'no colon here');
    await user.click(form.getByRole('button', { name: 'Add callback' }));

    expect(await form.findByRole('alert')).toHaveTextContent('cannot read "no colon here"');
    expect(api.sentJson('POST /v1/callbacks')).toEqual([]);
  });

  it('edits a callback’s URL, then deletes it after the confirmation', async () => {
    const { user, api } = await renderIntegrations();
    const callbacks = within(panel('Callbacks'));
    const add = within(await callbacks.findByRole('form', { name: 'Add a callback' }));
    await user.selectOptions(add.getByRole('combobox', { name: 'Event' }), 'SESSION:NOTE_INSERT');
    await user.type(add.getByRole('textbox', { name: 'URL' }), 'https://hooks.example.test/old');
    await user.click(add.getByRole('button', { name: 'Add callback' }));
    await callbacks.findByRole('row', { name: /SESSION:NOTE_INSERT/ });

    await user.click(callbacks.getByRole('button', { name: 'Edit the SESSION:NOTE_INSERT callback' }));
    const edit = within(callbacks.getByRole('form', { name: 'Edit the SESSION:NOTE_INSERT callback' }));
    const url = edit.getByRole('textbox', { name: 'URL' });
    expect(url).toHaveValue('https://hooks.example.test/old');
    await user.clear(url);
    await user.type(url, 'https://hooks.example.test/new');
    await user.click(edit.getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(callbacks.getByRole('row', { name: /SESSION:NOTE_INSERT/ })).toHaveTextContent(
        'https://hooks.example.test/new',
      ),
    );
    expect(api.sentJson('PUT /v1/callbacks/:event')).toEqual([
      { url: 'https://hooks.example.test/new', method: 'POST', headers: {} },
    ]);
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    await user.click(callbacks.getByRole('button', { name: 'Delete the SESSION:NOTE_INSERT callback' }));

    await waitFor(() => expect(callbacks.queryByRole('row', { name: /SESSION:NOTE_INSERT/ })).toBeNull());
    expect(confirm).toHaveBeenCalledWith('Delete the SESSION:NOTE_INSERT callback? Its events will no longer be sent.');
    expect(api.calls).toContain('DELETE /v1/callbacks/SESSION%3ANOTE_INSERT');
    confirm.mockRestore();
  });
});

describe('IntegrationsPage: test send', () => {
  async function addCallback(user: Awaited<ReturnType<typeof renderIntegrations>>['user']) {
    const callbacks = within(panel('Callbacks'));
    const form = within(await callbacks.findByRole('form', { name: 'Add a callback' }));
    await user.selectOptions(form.getByRole('combobox', { name: 'Event' }), 'SESSION:COMPLETE');
    await user.type(form.getByRole('textbox', { name: 'URL' }), 'https://hooks.example.test/pave');
    await user.click(form.getByRole('button', { name: 'Add callback' }));
    await callbacks.findByRole('row', { name: /SESSION:COMPLETE/ });
    return callbacks;
  }

  it('sends a test event to a callback and announces the receiver’s status and latency', async () => {
    const { user, api } = await renderIntegrations();
    const callbacks = await addCallback(user);
    const outcome = callbacks.getByRole('status', { name: 'Test of the SESSION:COMPLETE callback' });
    expect(outcome).toBeEmptyDOMElement();

    await user.click(callbacks.getByRole('button', { name: 'Send test to the SESSION:COMPLETE callback' }));

    await waitFor(() => expect(outcome).toHaveTextContent('Test delivered: HTTP 204 in 42 ms.'));
    expect(api.calls).toContain('POST /v1/callbacks/SESSION%3ACOMPLETE/test');
  });

  it('says why a test was not sent when the budget is spent', async () => {
    const { user, api } = await renderIntegrations();
    const callbacks = await addCallback(user);
    const message = 'At most 5 test sends per minute for this account; retry in 42 s.';
    api.failNext('POST /v1/callbacks/:event/test', { code: 'rate_limited', message, retryAfterSeconds: 42 });

    await user.click(callbacks.getByRole('button', { name: 'Send test to the SESSION:COMPLETE callback' }));

    const outcome = callbacks.getByRole('status', { name: 'Test of the SESSION:COMPLETE callback' });
    await waitFor(() => expect(outcome).toHaveTextContent(`Test not sent: ${message}`));
    expect(api.calls.filter((call) => call.endsWith('/test'))).toHaveLength(1);
  });
});

describe('IntegrationsPage: signing secret', () => {
  it('shows the secret only when asked, and rotates it after the confirmation', async () => {
    const { user, api } = await renderIntegrations();
    const secret = within(panel('Signing secret'));
    expect(secret.queryByText(fakeSigningSecret(0))).toBeNull();
    expect(api.calls.filter((call) => call.includes('signing-secret'))).toEqual([]);

    await user.click(secret.getByRole('button', { name: 'Reveal signing secret' }));
    expect(await secret.findByText(fakeSigningSecret(0))).toBeInTheDocument();

    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    await user.click(secret.getByRole('button', { name: 'Rotate signing secret' }));
    expect(await secret.findByText(fakeSigningSecret(1))).toBeInTheDocument();
    expect(secret.getByText(/The previous secret also signs until/)).toBeInTheDocument();
    expect(api.calls).toContain('POST /v1/callbacks/signing-secret/rotate');
    confirm.mockRestore();
  });
});

describe('IntegrationsPage: delivery log', () => {
  const log = [delivery('3', 'failed', 500), delivery('2', 'delivered', 204), delivery('1', 'pending', null)];

  it('lists each delivery with its tries, filters by state, and redelivers a failed one', async () => {
    const { user, api } = await renderIntegrations(log);
    const deliveries = within(panel('Delivery log'));
    expect(await deliveries.findAllByRole('row')).toHaveLength(4);
    expect(deliveries.getByRole('row', { name: /SESSION:COMPLETE/ })).toHaveTextContent(
      '1 try, last: HTTP 500 in 84 ms',
    );

    await user.selectOptions(deliveries.getByRole('combobox', { name: 'State' }), 'failed');
    await user.click(deliveries.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(deliveries.getAllByRole('row')).toHaveLength(2));
    expect(api.calls).toContain('GET /v1/callbacks/deliveries?state=failed&limit=50');

    await user.click(deliveries.getByRole('button', { name: 'Redeliver delivery 3' }));
    await waitFor(() => expect(deliveries.queryByText('No deliveries match.')).toBeInTheDocument());
    expect(api.calls).toContain('POST /v1/callbacks/deliveries/3/redeliver');
  });

  it('refuses a filter that is not a session key, and keeps the list', async () => {
    const { user } = await renderIntegrations(log);
    const deliveries = within(panel('Delivery log'));
    await deliveries.findAllByRole('row');

    await user.type(deliveries.getByRole('textbox', { name: 'Session key' }), 'nope');
    await user.click(deliveries.getByRole('button', { name: 'Apply filters' }));

    expect(await deliveries.findByRole('alert')).toHaveTextContent('"nope" is not a session key');
    expect(deliveries.getAllByRole('row')).toHaveLength(4);
  });
});
