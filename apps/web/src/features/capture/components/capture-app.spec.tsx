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

async function renderCapture(options: FakeApiOptions = { sessions: seed('IDLE') }) {
  const rendered = renderApp({
    api: createFakeApi(options),
    path: `/capture/${key}#${fakeCaptureToken(key)}`,
    signedIn: false,
  });
  await screen.findByRole('heading', { level: 2 });
  return rendered;
}

describe('CaptureApp', () => {
  it('starts the capture when opened and shows the first step with its instruction', async () => {
    const { api } = await renderCapture();

    expect(api.calls[0]).toBe(`POST /v1/capture/${key}/start`);
    expect(api.session(key)?.status).toBe('STARTED');
    expect(screen.getByRole('heading', { name: 'VIN' })).toBeInTheDocument();
    expect(screen.getByText('Step 1 of 13')).toBeInTheDocument();
    expect(screen.getByText(/all 17 characters are sharp/)).toBeInTheDocument();
    expect(screen.getByLabelText('Take photo')).toHaveAttribute('capture', 'environment');
    expect(screen.getByLabelText('Take photo')).toHaveAttribute('accept', 'image/*');
  });

  it('shows the QA verdict at once and goes on to the next step', async () => {
    const { user } = await renderCapture();

    await user.upload(screen.getByLabelText('Take photo'), photoFile());
    expect(await screen.findByText('Photo accepted.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(screen.getByRole('heading', { name: 'Interior' })).toBeInTheDocument();
    expect(screen.getByText('Step 2 of 13')).toBeInTheDocument();
  });

  it('shows the rejection reason and asks for a retake', async () => {
    const { user } = await renderCapture({ sessions: seed('IDLE'), judge: () => 'blurry' });

    await user.upload(screen.getByLabelText('Take photo'), photoFile());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Photo rejected: Blurry Image.');
    expect(alert).toHaveTextContent('Hold the phone steady');
    expect(alert).toHaveTextContent('Please retake the photo.');
    expect(screen.getByLabelText('Retake photo')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
  });

  it('lets the driver go on from a rejected exterior view (completeness does not need its retake)', async () => {
    const { user } = await renderCapture({ sessions: seed('PROCESS', [1, 2, 3]), judge: () => 'blurry' });

    expect(screen.getByRole('heading', { name: 'Left side' })).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Take photo'), photoFile('left.jpg'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Photo rejected: Blurry Image.');
    expect(screen.getByLabelText('Retake photo')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(screen.getByRole('heading', { name: 'Front left corner' })).toBeInTheDocument();
  });

  it('keeps the photo after a network failure and sends the same file again on "Retry upload"', async () => {
    const received: string[] = [];
    const judge = (_code: PhotoCode, image: File) => (received.push(image.name), null);
    const { user, api } = await renderCapture({ sessions: seed('IDLE'), judge });
    api.failNext('POST /v1/capture/:key/photos/:code', { network: true });

    await user.upload(screen.getByLabelText('Take photo'), photoFile('dashboard.jpg'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the server');
    await user.click(screen.getByRole('button', { name: 'Retry upload' }));

    expect(await screen.findByText('Photo accepted.')).toBeInTheDocument();
    expect(received).toEqual(['dashboard.jpg']);
    expect(api.calls.filter((call) => call.startsWith(`POST /v1/capture/${key}/photos/`))).toHaveLength(2);
  });

  it('checks a typed VIN with the domain rule and sends it normalised', async () => {
    const { user, api } = await renderCapture();
    const manual = 'POST /v1/capture/:key/manual';

    await user.click(screen.getByRole('button', { name: 'Type the VIN instead' }));
    await user.type(screen.getByLabelText('VIN (17 characters)'), 'ABC123');
    await user.click(screen.getByRole('button', { name: 'Save VIN' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A VIN has 17 letters or digits, without I, O or Q.');
    expect(screen.getByLabelText('VIN (17 characters)')).toHaveAttribute('aria-invalid', 'true');
    expect(api.sentJson(manual)).toEqual([]);
    await user.clear(screen.getByLabelText('VIN (17 characters)'));
    await user.type(screen.getByLabelText('VIN (17 characters)'), ' 1hgcm82633a004352 ');
    await user.click(screen.getByRole('button', { name: 'Save VIN' }));

    expect(await screen.findByText('VIN saved.')).toBeInTheDocument();
    expect(api.sentJson(manual)).toEqual([{ photo_code: 1, value: '1HGCM82633A004352' }]);
  });

  it('offers manual entry only for the VIN and the odometer', async () => {
    const { user } = await renderCapture({ sessions: seed('PROCESS', [1]) });

    expect(screen.getByRole('heading', { name: 'Interior' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /instead/ })).toBeNull();
    await user.upload(screen.getByLabelText('Take photo'), photoFile());
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('button', { name: 'Type the odometer reading instead' })).toBeInTheDocument();
  });

  it('offers a skip only where the rules allow it', async () => {
    const { user } = await renderCapture({ sessions: seed('PROCESS', [1, 2, 3, 9, 6]) });

    expect(screen.getByRole('heading', { name: 'Left side' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Skip this view' }));

    expect(await screen.findByRole('heading', { name: 'Front left corner' })).toBeInTheDocument();
  });

  it('does not offer a skip while needed photos are missing', async () => {
    await renderCapture({ sessions: seed('PROCESS', [1, 2, 3]) });

    expect(screen.getByRole('heading', { name: 'Left side' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skip this view' })).toBeNull();
  });

  it('ends with a summary and submits the inspection when QC_PASSED', async () => {
    const { user, api } = await renderCapture({ sessions: seed('QC_PASSED', captureOrder) });

    expect(screen.getByRole('heading', { name: 'All photos are in' })).toBeInTheDocument();
    expect(screen.getAllByText('Accepted')).toHaveLength(13);
    await user.click(screen.getByRole('button', { name: 'Submit inspection' }));

    expect(await screen.findByRole('heading', { name: 'Inspection complete' })).toBeInTheDocument();
    expect(api.calls).toContain(`POST /v1/capture/${key}/confirm`);
  });

  it.each([
    ['EXPIRED', 'This link has expired'],
    ['COMPLETE', 'Inspection complete'],
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
    const { api, user } = await renderCapture();
    expect(screen.getByRole('heading', { name: 'VIN' })).toBeInTheDocument();

    await createTestClient(api).sessions.invalidate(key, 'Link sent to the wrong driver');
    await user.upload(screen.getByLabelText('Take photo'), photoFile());

    const closed = await screen.findByRole('region', { name: 'This inspection was cancelled' });
    expect(closed).toHaveTextContent('Reason given: Link sent to the wrong driver');
    expect(api.session(key)?.status).toBe('INVALID');
    expect(screen.queryByLabelText('Take photo')).toBeNull();
  });

  it('shows the steps of a CONFIRM session, where the server still takes photos', async () => {
    await renderCapture({ sessions: seed('CONFIRM', captureOrder) });

    expect(screen.getByRole('heading', { name: 'All photos are in' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit inspection' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Inspection (complete|submitted)/ })).toBeNull();
  });

  it('explains an unknown link', async () => {
    renderApp({ path: `/capture/${key}#${fakeCaptureToken(key)}`, signedIn: false });

    expect(await screen.findByRole('alert')).toHaveTextContent('This inspection link is not valid.');
  });

  it('explains a link without its token, and calls nothing', async () => {
    const api = createFakeApi({ sessions: seed('IDLE') });
    renderApp({ api, path: `/capture/${key}`, signedIn: false });

    expect(await screen.findByRole('alert')).toHaveTextContent('This capture link is incomplete.');
    expect(api.calls).toEqual([]);
  });
});
