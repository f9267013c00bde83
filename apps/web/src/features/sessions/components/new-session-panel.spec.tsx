import { screen, waitFor } from '@testing-library/react';
import { fakeCaptureUrl } from '../../../testing/fake-api-answers.js';
import { renderApp } from '../../../testing/render-app.js';

describe('NewSessionPanel', () => {
  it('creates a session and shows its capture link with a QR code', async () => {
    const { user, api } = renderApp();
    const captureUrl = fakeCaptureUrl('DEM-NEW0000001');

    await user.click(await screen.findByRole('button', { name: 'New session' }));

    expect(await screen.findByRole('link', { name: captureUrl })).toHaveAttribute('href', captureUrl);
    const qr = await screen.findByRole('img', { name: `QR code of the capture link ${captureUrl}` });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(screen.getByRole('link', { name: 'Review session DEM-NEW0000001' })).toHaveAttribute(
      'href',
      '/sessions/DEM-NEW0000001',
    );
    expect(api.calls).toContain('POST /v1/sessions');
  });

  it('refreshes the sessions list with the new session', async () => {
    const { user } = renderApp();
    await screen.findByText('No sessions yet.');

    await user.click(screen.getByRole('button', { name: 'New session' }));

    expect(await screen.findByRole('rowheader', { name: 'DEM-NEW0000001' })).toBeInTheDocument();
  });

  it('stops offering the capture link of the new session once it is deleted from the list', async () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'New session' }));
    await screen.findByRole('link', { name: 'Review session DEM-NEW0000001' });

    await user.click(await screen.findByRole('button', { name: 'Delete session DEM-NEW0000001' }));

    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'DEM-NEW0000001' })).toBeNull());
    expect(screen.queryByRole('link', { name: 'Review session DEM-NEW0000001' })).toBeNull();
    expect(screen.getByRole('button', { name: 'New session' })).toBeEnabled();
    confirm.mockRestore();
  });
});

describe('NewSessionPanel with details', () => {
  it("sends PAVE's nested body with the vehicle and driver filled in, and the session shows them", async () => {
    const { user, api } = renderApp();
    await user.click(await screen.findByText('Vehicle, contact and more'));
    await user.type(screen.getByRole('textbox', { name: 'VIN' }), '1HGCM82633A004352');
    await user.type(screen.getByRole('textbox', { name: 'Year' }), '2019');
    await user.type(screen.getByRole('textbox', { name: 'Make' }), 'Honda');
    await user.type(screen.getByRole('textbox', { name: 'Odometer reading' }), '100,945');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Odometer unit' }), 'MILES');
    await user.type(screen.getByRole('textbox', { name: 'First name' }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: 'Last name' }), 'Lovelace');
    await user.type(screen.getByRole('textbox', { name: 'Reference (one key=value per line)' }), 'claim=C-17');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'FR');

    await user.click(screen.getByRole('button', { name: 'New session' }));

    await screen.findByRole('link', { name: 'Review session DEM-NEW0000001' });
    expect(api.sentJson('POST /v1/sessions')).toEqual([
      {
        session: {
          language: 'FR',
          contact: { first_name: 'Ada', last_name: 'Lovelace' },
          reference: { claim: 'C-17' },
        },
        vehicle: { vin: '1HGCM82633A004352', year: '2019', make: 'Honda', odom_reading: '100,945', odom_unit: 'MILES' },
      },
    ]);
    expect(api.session('DEM-NEW0000001')).toMatchObject({
      language: 'FR',
      vehicle: { vin: '1HGCM82633A004352', year: 2019, make: 'Honda', odom_reading: 100945, odom_unit: 'MILES' },
    });
  });

  it("shows the server's words when it refuses a value", async () => {
    const { user } = renderApp();
    await user.click(await screen.findByText('Vehicle, contact and more'));
    await user.type(screen.getByRole('textbox', { name: 'Year' }), '19');

    await user.click(screen.getByRole('button', { name: 'New session' }));

    expect(await screen.findByText(/vehicle\.year/)).toBeInTheDocument();
  });
});
