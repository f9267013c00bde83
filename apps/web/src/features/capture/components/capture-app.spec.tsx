import { screen } from '@testing-library/react';
import { captureOrder, type PhotoCode, type SessionStatus } from '@pave/domain';
import { buildAttemptRecord, buildSession } from '@pave/domain/testing';
import type { FakeSessionSeed } from '../../../testing/fake-api-store.js';
import { fakeCaptureToken } from '../../../testing/fake-api-answers.js';
import { createFakeApi, type FakeApiOptions } from '../../../testing/fake-api.js';
import { createTestClient, renderApp } from '../../../testing/render-app.js';

const key = 'DEM-CAPTURE001';

function photoFile(name = 'vin.jpg'): File {
  return new File(['jpeg bytes'], name, { type: 'image/jpeg' });
}

function seed(status: SessionStatus, acceptedCodes: readonly PhotoCode[] = []): FakeSessionSeed[] {
  const attempts = acceptedCodes.map((code) => buildAttemptRecord({ photo_code: code }));
  return [{ session: buildSession({ session_key: key, status }), attempts }];
}

async function renderCapture(options: FakeApiOptions = { sessions: seed('IDLE') }, flags = '') {
  const rendered = renderApp({
    api: createFakeApi(options),
    path: `/capture/${key}#${fakeCaptureToken(key)}${flags}`,
    signedIn: false,
  });
  await screen.findByRole('heading', { level: 2 });
  return rendered;
}

async function startCapture(options: FakeApiOptions = { sessions: seed('IDLE') }) {
  const rendered = await renderCapture(options);
  await rendered.user.click(screen.getByRole('button', { name: 'Start' }));
  await screen.findByText(/^Step \d+ of 13$/);
  return rendered;
}

describe('CaptureApp', () => {
  it('opens on the intro without starting the session; Start starts it and shows the first step', async () => {
    const { api, user } = await renderCapture({
      sessions: [
        {
          session: buildSession({
            session_key: key,
            vehicle: { ...buildSession().vehicle, year: 2019, make: 'Honda' },
          }),
        },
      ],
    });

    expect(screen.getByRole('heading', { name: 'Photograph your vehicle' })).toBeInTheDocument();
    expect(screen.getByText('demo asks you for photos of your vehicle.')).toBeInTheDocument();
    expect(screen.getByText('Vehicle: 2019 Honda')).toBeInTheDocument();
    expect(screen.getByText('It takes about 10 minutes.')).toBeInTheDocument();
    expect(api.calls).toEqual([`GET /v1/capture/${key}`]);
    expect(api.session(key)?.status).toBe('IDLE');

    await user.click(screen.getByRole('button', { name: 'Start' }));

    expect(await screen.findByRole('heading', { name: 'VIN' })).toBeInTheDocument();
    expect(api.session(key)?.status).toBe('STARTED');
    expect(screen.getByText('Step 1 of 13')).toBeInTheDocument();
    expect(screen.getByText(/all 17 characters are sharp/)).toBeInTheDocument();
    expect(screen.getByLabelText('Take photo')).toHaveAttribute('capture', 'environment');
    expect(new URL(window.location.href).searchParams.get('step')).toBe('1');
    expect(window.location.hash).toBe(`#${fakeCaptureToken(key)}`);
  });

  it('shows the verdict at once; Next goes forward, Back returns through the history', async () => {
    const { user } = await startCapture();

    await user.upload(screen.getByLabelText('Take photo'), photoFile());
    expect(await screen.findByText('Photo accepted.')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '1 of 13 done' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: 'Interior' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: 'VIN' })).toBeInTheDocument();
  });

  it('shows the rejection reason and advice, with Retake and Next', async () => {
    const { user } = await startCapture({ sessions: seed('IDLE'), judge: () => 'blurry' });

    await user.upload(screen.getByLabelText('Take photo'), photoFile());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Photo rejected: Blurry Image.');
    expect(alert).toHaveTextContent('Hold the phone steady');
    expect(screen.getByRole('button', { name: 'Retake' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeInTheDocument();
  });

  it('goes forward past unfinished steps and gathers them at the end: "2 photos still needed"', async () => {
    const allBut = captureOrder.filter((code) => code !== 2 && code !== 9);
    const { user } = await renderCapture({ sessions: seed('PROCESS', allBut) });

    expect(screen.getByRole('heading', { name: 'Interior' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: 'Windshield' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(screen.getByRole('heading', { name: '2 photos still needed' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Windshield/ }));
    await user.upload(screen.getByLabelText('Take photo'), photoFile());
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: '1 photo still needed' })).toBeInTheDocument();
  });

  it('keeps the photo after a network failure and sends the same file again on "Retry upload"', async () => {
    const received: string[] = [];
    const judge = (_code: PhotoCode, image: File) => (received.push(image.name), null);
    const { user, api } = await startCapture({ sessions: seed('IDLE'), judge });
    api.failNext('POST /v1/capture/:key/photos/:code', { network: true });

    await user.upload(screen.getByLabelText('Take photo'), photoFile('dashboard.jpg'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the server');
    await user.click(screen.getByRole('button', { name: 'Retry upload' }));

    expect(await screen.findByText('Photo accepted.')).toBeInTheDocument();
    expect(received).toEqual(['dashboard.jpg']);
  });

  it('checks a typed VIN with the domain rule, then confirms it "VIN … saved" with Edit', async () => {
    const { user, api } = await startCapture();
    const manual = 'POST /v1/capture/:key/manual';

    await user.click(screen.getByRole('button', { name: 'Type the VIN instead' }));
    await user.type(screen.getByLabelText('VIN (17 characters)'), 'ABC123');
    await user.click(screen.getByRole('button', { name: 'Save VIN' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A VIN has 17 letters or digits, without I, O or Q.');
    expect(api.sentJson(manual)).toEqual([]);
    await user.clear(screen.getByLabelText('VIN (17 characters)'));
    await user.type(screen.getByLabelText('VIN (17 characters)'), ' 1hgcm82633a004352 ');
    await user.click(screen.getByRole('button', { name: 'Save VIN' }));

    expect(await screen.findByText('VIN 1HGCM82633A004352 saved')).toBeInTheDocument();
    expect(api.sentJson(manual)).toEqual([{ photo_code: 1, value: '1HGCM82633A004352' }]);
    await user.click(screen.getByRole('button', { name: 'Edit VIN (17 characters)' }));
    expect(screen.getByLabelText('VIN (17 characters)')).toHaveValue('1HGCM82633A004352');
  });

  it('offers a skip on an exterior view where the rules allow it, saying the rule', async () => {
    const { user } = await renderCapture({ sessions: seed('PROCESS', [1, 2, 3, 9, 6]) });

    expect(screen.getByRole('heading', { name: 'Left side' })).toBeInTheDocument();
    expect(
      screen.getByText(/may be skipped once the VIN, interior, odometer, windshield and tyre/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Skip this view' }));

    expect(await screen.findByRole('heading', { name: 'Front left corner' })).toBeInTheDocument();
  });

  it('does not offer a skip while needed photos are missing, and names them', async () => {
    await renderCapture({ sessions: seed('PROCESS', [1, 2, 3]) });

    expect(screen.getByRole('heading', { name: 'Left side' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skip this view' })).toBeNull();
    expect(screen.getByText(/first send: Windshield, Tyres\./)).toBeInTheDocument();
  });

  it('ends with a summary naming rejected and skipped views, and submits: "Inspection sent"', async () => {
    const attempts = captureOrder.map((code) =>
      buildAttemptRecord({
        photo_code: code,
        ...(code === 4 ? { reason: 'blurry' } : code === 13 ? { reason: 'skipped', url: null } : {}),
      }),
    );
    const { user, api } = await renderCapture({
      sessions: [{ session: buildSession({ session_key: key, status: 'QC_PASSED' }), attempts }],
    });

    expect(screen.getByRole('heading', { name: 'Check and send' })).toBeInTheDocument();
    expect(screen.getByText('Rejected, sent as they are: Left side.')).toBeInTheDocument();
    expect(screen.getByText('Skipped: Rear left corner.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit inspection' }));

    expect(await screen.findByRole('heading', { name: 'Inspection sent' })).toBeInTheDocument();
    expect(api.calls).toContain(`POST /v1/capture/${key}/confirm`);
  });

  it('speaks the session language: French from the intro on', async () => {
    await renderCapture({ sessions: [{ session: buildSession({ session_key: key, language: 'FR' }) }] });

    expect(screen.getByRole('heading', { name: 'Photographiez votre véhicule' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Commencer' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
  });

  it.each([
    ['EXPIRED', 'This link has expired'],
    ['COMPLETE', 'Inspection sent'],
  ] as const)('explains a %s session instead of showing steps', async (status, title) => {
    await renderCapture({ sessions: seed(status) });

    expect(screen.getByRole('heading', { name: title })).toBeInTheDocument();
    expect(screen.queryByLabelText('Take photo')).toBeNull();
  });

  it("explains an INVALID session with the reviewer's reason, and offers nothing to send", async () => {
    const session = buildSession({
      session_key: key,
      status: 'INVALID',
      invalid_reason: 'Wrong vehicle: the blue one',
    });
    await renderCapture({ sessions: [{ session }] });

    const closed = screen.getByRole('region', { name: 'This inspection was cancelled' });
    expect(closed).toHaveTextContent('Reason given: Wrong vehicle: the blue one');
    expect(screen.queryByLabelText('Take photo')).toBeNull();
  });

  it('tells a link with a wrong token nothing about an INVALID session, its reason least of all', async () => {
    const session = buildSession({ session_key: key, status: 'INVALID', invalid_reason: 'Leaked on a forum' });
    renderApp({ api: createFakeApi({ sessions: [{ session }] }), path: `/capture/${key}#${'W'.repeat(43)}` });

    expect(await screen.findByRole('alert')).toHaveTextContent('This inspection link is not valid.');
    expect(document.body).not.toHaveTextContent('Leaked on a forum');
    expect(document.body).not.toHaveTextContent('cancelled');
  });

  it('closes with the reason when the session is invalidated while the driver is on a step', async () => {
    const { api, user } = await startCapture();
    expect(screen.getByRole('heading', { name: 'VIN' })).toBeInTheDocument();

    await createTestClient(api).sessions.invalidate(key, 'Link sent to the wrong driver');
    await user.upload(screen.getByLabelText('Take photo'), photoFile());

    const closed = await screen.findByRole('region', { name: 'This inspection was cancelled' });
    expect(closed).toHaveTextContent('Reason given: Link sent to the wrong driver');
    expect(api.session(key)?.status).toBe('INVALID');
    expect(screen.queryByLabelText('Take photo')).toBeNull();
  });

  it('explains a link without its token, and calls nothing', async () => {
    const api = createFakeApi({ sessions: seed('IDLE') });
    renderApp({ api, path: `/capture/${key}`, signedIn: false });

    expect(await screen.findByRole('alert')).toHaveTextContent('This capture link is incomplete.');
    expect(api.calls).toEqual([]);
  });

  it("previews the link for a reviewer: the driver's screens, nothing sent, the session still IDLE and deletable", async () => {
    const { api, user } = await renderCapture({ sessions: seed('IDLE') }, '&preview');

    expect(screen.getByRole('note')).toHaveTextContent('Preview — nothing is sent');
    expect(screen.queryByRole('button', { name: 'Start' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'See the steps' }));
    expect(await screen.findByRole('heading', { name: 'VIN' })).toBeInTheDocument();
    expect(screen.getByLabelText('Take photo')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Type the VIN instead' })).toBeDisabled();
    expect(window.location.hash).toBe(`#${fakeCaptureToken(key)}&preview`);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: 'Interior' })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Preview — nothing is sent');

    expect(api.calls.every((call) => call.startsWith('GET '))).toBe(true);
    expect(api.session(key)?.status).toBe('IDLE');
    await createTestClient(api).sessions.delete(key);
    expect(api.session(key)).toBeNull();
  });

  it('turns off skip and submit in a preview', async () => {
    await renderCapture({ sessions: seed('PROCESS', [1, 2, 3, 9, 6]) }, '&preview');

    expect(screen.getByRole('heading', { name: 'Left side' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Skip this view' })).toBeDisabled();
  });

  it("words a server refusal in the driver's language: a 409 attempts_exhausted in French", async () => {
    const { api, user } = await renderCapture({
      sessions: [{ session: buildSession({ session_key: key, status: 'STARTED', language: 'FR' }) }],
    });
    api.failNext('POST /v1/capture/:key/photos/:code', {
      code: 'attempts_exhausted',
      message: 'Session DEM-CAPTURE001 has used its 60 attempts.',
    });

    await user.upload(screen.getByLabelText('Prendre la photo'), photoFile());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Plus aucune photo ne peut être envoyée pour cette inspection.');
    expect(alert).not.toHaveTextContent('attempts');
  });

  it("words an unknown refusal with the generic sentence of the language, not the server's English", async () => {
    const { api, user } = await renderCapture({
      sessions: [{ session: buildSession({ session_key: key, status: 'STARTED', language: 'ES' }) }],
    });
    api.failNext('POST /v1/capture/:key/photos/:code', { code: 'conflict', message: 'Something in English.' });

    await user.upload(screen.getByLabelText('Hacer la foto'), photoFile());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Algo ha fallado. Inténtelo de nuevo.');
    expect(alert).not.toHaveTextContent('English');
  });

  describe('the in-page camera', () => {
    const stopped: string[] = [];
    const fakeStream = (id: string) =>
      ({ id, getTracks: () => [{ stop: () => stopped.push(id) }] }) as unknown as MediaStream;
    let opened = 0;

    beforeEach(() => {
      stopped.length = 0;
      opened = 0;
      Object.defineProperty(navigator, 'mediaDevices', {
        configurable: true,
        value: { getUserMedia: () => Promise.resolve(fakeStream(`stream-${(opened += 1)}`)) },
      });
    });
    afterEach(() => {
      Reflect.deleteProperty(navigator, 'mediaDevices');
    });

    it('closes with its 44-px "Close camera" button: back to the step, no shot, the stream stopped', async () => {
      const { user, api } = await startCapture();

      await user.click(screen.getByRole('button', { name: 'Open camera' }));
      expect(await screen.findByRole('img', { name: 'Camera view with the outline of: VIN' })).toBeInTheDocument();
      const close = screen.getByRole('button', { name: 'Close camera' });
      expect(close).toHaveClass('button', 'button--large');
      await user.click(close);

      expect(screen.queryByRole('img', { name: /Camera view/ })).toBeNull();
      expect(stopped).toEqual(['stream-1']);
      expect(screen.getByRole('button', { name: 'Open camera' })).toHaveFocus();
      expect(screen.getByRole('heading', { name: 'VIN' })).toBeInTheDocument();
      expect(api.calls.filter((call) => call.includes('/photos/'))).toEqual([]);
    });

    it('closes on Escape, and opens again with a new stream', async () => {
      const { user } = await startCapture();

      await user.click(screen.getByRole('button', { name: 'Open camera' }));
      await screen.findByRole('button', { name: 'Close camera' });
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('button', { name: 'Close camera' })).toBeNull();
      expect(stopped).toEqual(['stream-1']);

      await user.click(screen.getByRole('button', { name: 'Open camera' }));
      expect(await screen.findByRole('button', { name: 'Close camera' })).toBeInTheDocument();
      expect(stopped).toEqual(['stream-1']);
    });
  });
});
