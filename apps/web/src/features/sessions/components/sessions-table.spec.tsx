import { screen, within } from '@testing-library/react';
import { buildSession } from '@pave/domain/testing';
import { createFakeClient } from '../../../testing/fake-client.js';
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
    renderApp({ client: createFakeClient({ sessions: sessionSeeds(3) }) });

    await screen.findByRole('table');

    expect(rowKeys()).toEqual(['DEM-0000000002', 'DEM-0000000001', 'DEM-0000000000']);
    expect(screen.getByRole('link', { name: 'DEM-0000000001' })).toHaveAttribute('href', '/sessions/DEM-0000000001');
  });

  it('filters by status and keeps the filter in the URL', async () => {
    const { user, client } = renderApp({ client: createFakeClient({ sessions: sessionSeeds(4) }) });
    await screen.findByRole('table');

    await user.selectOptions(screen.getByLabelText('Status'), 'COMPLETE');

    expect(window.location.search).toBe('?status=COMPLETE');
    await screen.findByText('DEM-0000000003');
    expect(rowKeys()).toEqual(['DEM-0000000003', 'DEM-0000000001']);
    expect(client.calls).toContain('sessions.list COMPLETE');
  });

  it('pages with next_cursor', async () => {
    const { user } = renderApp({ client: createFakeClient({ sessions: sessionSeeds(25) }) });
    await screen.findByRole('table');
    expect(rowKeys()).toHaveLength(20);

    await user.click(screen.getByRole('button', { name: 'Load more sessions' }));

    await screen.findByText('DEM-0000000000');
    expect(rowKeys()).toHaveLength(25);
    expect(screen.queryByRole('button', { name: 'Load more sessions' })).toBeNull();
  });

  it('navigates to a session page in-app', async () => {
    const { user } = renderApp({ client: createFakeClient({ sessions: sessionSeeds(1) }) });

    await user.click(await screen.findByRole('link', { name: 'DEM-0000000000' }));

    expect(window.location.pathname).toBe('/sessions/DEM-0000000000');
    expect(await screen.findByRole('heading', { name: 'Session DEM-0000000000' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveFocus();
  });
});
