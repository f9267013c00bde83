import { screen, waitFor, within } from '@testing-library/react';
import { createCaptureClient } from '@pave/client';
import { buildSession } from '@pave/domain/testing';
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
    confirm.mockRestore();
  });
});
