import { screen, waitFor, within } from '@testing-library/react';
import { createCaptureClient } from '@pave/client';
import { buildAttemptRecord, buildSession } from '@pave/domain/testing';
import { fakeCaptureUrl } from '../../../testing/fake-api-answers.js';
import { createFakeApi } from '../../../testing/fake-api.js';
import { renderApp } from '../../../testing/render-app.js';

function sessionSeeds(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    session: buildSession({
      session_key: `DEM-${String(index).padStart(10, '0')}`,
      status: index % 2 === 0 ? 'PROCESS' : 'COMPLETE',
      created_at: `2021-05-27T07:${String(index).padStart(2, '0')}:00+00:00`,
    }),
  }));
}

function vehicleWith(vin: string) {
  const none = { year: null, make: null, model: null, body_type: null, trim: null, transmission: null };
  return { ...none, vin, ext_col: null, int_col: null, odom_reading: null, odom_unit: null };
}

function rowKeys(): string[] {
  const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
  return rows.map((row) => within(row).getByRole('rowheader').textContent ?? '');
}

describe('SessionsTable', () => {
  it('lists the sessions newest first, each linking to its review page', async () => {
    renderApp({ api: createFakeApi({ sessions: sessionSeeds(3) }) });

    await screen.findByRole('table');

    expect(rowKeys()).toEqual(['DEM-0000000002', 'DEM-0000000001', 'DEM-0000000000']);
    expect(screen.getByRole('link', { name: 'DEM-0000000001' })).toHaveAttribute('href', '/sessions/DEM-0000000001');
  });

  it('warns that a phone cannot open capture links that point to localhost, and says how to fix it', async () => {
    renderApp({ api: createFakeApi({ sessions: sessionSeeds(1) }) });
    await screen.findByRole('table');

    const warning = screen.getByText(/Capture links point to localhost/).closest('p') as HTMLElement;
    expect(warning).toHaveTextContent('HOST=0.0.0.0');
    expect(warning).toHaveTextContent('PUBLIC_BASE_URL=http://<lan-ip>:3000');
  });

  it("names the server's own port in the fix when it does not run on 3000", async () => {
    const [seed] = sessionSeeds(1);
    const session = { ...seed?.session, capture_url: 'http://127.0.0.1:8080/c/DEM-0000000000#token' };
    renderApp({ api: createFakeApi({ sessions: [{ session: buildSession(session) }] }) });
    await screen.findByRole('table');

    const warning = screen.getByText(/Capture links point to localhost/).closest('p') as HTMLElement;
    expect(warning).toHaveTextContent('PUBLIC_BASE_URL=http://<lan-ip>:8080');
  });

  it('does not warn when capture links point to an address on the network', async () => {
    const [seed] = sessionSeeds(1);
    const session = { ...seed?.session, capture_url: 'http://192.168.1.20:3000/c/DEM-0000000000#token' };
    renderApp({ api: createFakeApi({ sessions: [{ session: buildSession(session) }] }) });
    await screen.findByRole('table');

    expect(screen.queryByText(/Capture links point to localhost/)).toBeNull();
  });

  it('filters by status and keeps the filter in the URL', async () => {
    const { user, api } = renderApp({ api: createFakeApi({ sessions: sessionSeeds(4) }) });
    await screen.findByRole('table');

    await user.selectOptions(screen.getByLabelText('Status'), 'COMPLETE');

    expect(window.location.search).toBe('?status=COMPLETE');
    await screen.findByText('DEM-0000000003');
    expect(rowKeys()).toEqual(['DEM-0000000003', 'DEM-0000000001']);
    expect(api.calls).toContain('GET /v1/sessions?status=COMPLETE&limit=20');
  });

  it('pages with next_cursor', async () => {
    const { user } = renderApp({ api: createFakeApi({ sessions: sessionSeeds(25) }) });
    await screen.findByRole('table');
    expect(rowKeys()).toHaveLength(20);

    await user.click(screen.getByRole('button', { name: 'Load more sessions' }));

    await screen.findByText('DEM-0000000000');
    expect(rowKeys()).toHaveLength(25);
    expect(screen.queryByRole('button', { name: 'Load more sessions' })).toBeNull();
    expect(new URLSearchParams(window.location.search).get('pages')).toBe('2');
  });

  it('shows as many pages as the URL says, so a reload keeps what was shown', async () => {
    renderApp({ api: createFakeApi({ sessions: sessionSeeds(45) }), path: '/?pages=2' });

    await waitFor(() => expect(screen.getByRole('table')).toBeInTheDocument());
    await waitFor(() => expect(rowKeys()).toHaveLength(40));
  });

  it('searches by VIN and client reference, and filters by creation day, from the URL', async () => {
    const seeds = [
      buildSession({ session_key: 'DEM-00000000A1', vehicle: vehicleWith('JN1CV6AR9BM123456') }),
      buildSession({ session_key: 'DEM-00000000B2', options: { client_id: 'claim-77', sms: null } }),
    ].map((session) => ({ session }));
    const { user, api } = renderApp({ api: createFakeApi({ sessions: seeds }) });
    await screen.findByRole('table');

    await user.type(screen.getByRole('searchbox', { name: 'Key, VIN or client reference' }), 'bm1234');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(rowKeys()).toEqual(['DEM-00000000A1']));
    expect(new URLSearchParams(window.location.search).get('q')).toBe('bm1234');
    expect(api.calls).toContain('GET /v1/sessions?limit=20&q=bm1234');
    const row = screen.getByRole('row', { name: /DEM-00000000A1/ });
    expect(row).toHaveTextContent('JN1CV6AR9BM123456');
    expect(within(row).getByLabelText('0 of 13 steps done')).toHaveTextContent('0/13');

    await user.clear(screen.getByRole('searchbox', { name: 'Key, VIN or client reference' }));
    await user.type(screen.getByRole('searchbox', { name: 'Key, VIN or client reference' }), 'CLAIM-77');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(rowKeys()).toEqual(['DEM-00000000B2']));

    await user.clear(screen.getByRole('searchbox', { name: 'Key, VIN or client reference' }));
    await user.type(screen.getByLabelText('Created from'), '2030-01-01');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('No sessions match.')).toBeInTheDocument();
    expect(api.calls.at(-1)).toMatch(/^GET \/v1\/sessions\?limit=20&created_from=20(29-12-3\d|30-01-01)T/);
  });

  it('shows each session’s progress, last activity and completion time, in local time with UTC on hover', async () => {
    const attempts = [buildAttemptRecord({ photo_code: 1, updated_at: '2021-05-27T07:41:00+00:00' })];
    const session = buildSession({ session_key: 'DEM-00000000C3', status: 'PROCESS' });
    renderApp({ api: createFakeApi({ sessions: [{ session, attempts }] }) });

    const row = await screen.findByRole('row', { name: /DEM-00000000C3/ });
    expect(within(row).getByLabelText('1 of 13 steps done')).toHaveTextContent('1/13');
    const times = within(row).getAllByRole('time');
    expect(times.map((time) => time.getAttribute('title'))).toContain('2021-05-27 07:41:00 UTC');
    // not completed: no completion time
    expect(within(row).getAllByRole('cell').at(-2)).toHaveTextContent('—');
  });

  it('navigates to a session page in-app', async () => {
    const { user } = renderApp({ api: createFakeApi({ sessions: sessionSeeds(1) }) });

    await user.click(await screen.findByRole('link', { name: 'DEM-0000000000' }));

    expect(window.location.pathname).toBe('/sessions/DEM-0000000000');
    expect(await screen.findByRole('heading', { name: 'Session DEM-0000000000' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('deletes an IDLE session after the reviewer confirms, and offers it for no other status', async () => {
    const seeds = [
      {
        session: buildSession({
          session_key: 'DEM-000000IDLE',
          status: 'IDLE',
          created_at: '2021-05-27T07:02:00+00:00',
        }),
      },
      ...sessionSeeds(2),
    ];
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const { user, api } = renderApp({ api: createFakeApi({ sessions: seeds }) });
    await screen.findByRole('table');
    expect(screen.getAllByRole('button', { name: /^Delete session/ })).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Delete session DEM-000000IDLE' }));
    expect(api.calls).not.toContain('DELETE /v1/sessions/DEM-000000IDLE');
    await user.click(screen.getByRole('button', { name: 'Delete session DEM-000000IDLE' }));

    await waitFor(() => expect(rowKeys()).toEqual(['DEM-0000000001', 'DEM-0000000000']));
    expect(api.calls).toContain('DELETE /v1/sessions/DEM-000000IDLE');
    expect(confirm).toHaveBeenCalledWith('Delete session DEM-000000IDLE? Its capture link will stop working.');
    confirm.mockRestore();
  });

  it('says why when the API refuses the deletion, and keeps the row', async () => {
    const seeds = [{ session: buildSession({ session_key: 'DEM-000000IDLE', status: 'IDLE' }) }];
    const api = createFakeApi({ sessions: seeds });
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    // no event stream: the list is refreshed by polling only, so it still shows the session IDLE below
    api.failNext('GET /v1/events', { code: 'not_found', message: 'No event stream here.' });
    const { user } = renderApp({ api });
    await screen.findByRole('table');
    // the driver opens the capture link while the list still shows the session IDLE
    await createCaptureClient({ captureUrl: fakeCaptureUrl('DEM-000000IDLE'), fetch: api.fetch }).start();

    await user.click(screen.getByRole('button', { name: 'Delete session DEM-000000IDLE' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('has been started and cannot be deleted.');
    expect(rowKeys()).toEqual(['DEM-000000IDLE']);
    // the refusal refreshed the list: the row now says STARTED and offers no delete
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete session DEM-000000IDLE' })).toBeNull());
    expect(screen.getByRole('alert')).toHaveTextContent('has been started and cannot be deleted.');
    confirm.mockRestore();
  });
});
