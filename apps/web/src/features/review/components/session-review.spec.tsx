import { act, screen, waitFor, within } from '@testing-library/react';
import { buildAttemptRecord } from '@pave/domain/testing';
import { createFakeApi } from '../../../testing/fake-api.js';
import { createTestClient, renderApp } from '../../../testing/render-app.js';
import { buildReviewSeed, sampleKey } from '../../../testing/sample-session.js';

const sessionPath = `/sessions/${sampleKey}`;

function gridCards(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Capture steps' })).getAllByRole('button');
}

function cardTitles(): string[] {
  return gridCards().map((card) => card.querySelector('.step-card__title')?.textContent ?? '');
}

async function renderReview(path = sessionPath, api = createFakeApi({ sessions: [buildReviewSeed()] })) {
  const rendered = renderApp({ api, path });
  await screen.findByRole('heading', { name: `Session ${sampleKey}` });
  return rendered;
}

describe('SessionReview', () => {
  it('shows the session status and capture completeness at the top', async () => {
    await renderReview();

    expect(screen.getByText('Capturing')).toBeInTheDocument();
    // VIN, Interior, Cluster (typed), Front_Left (skipped) and Left (rejected: an exterior view need not be retaken)
    expect(screen.getByText('In progress: 5 of 13 steps done')).toBeInTheDocument();
    expect(await screen.findByText('Live: changes appear as they happen.')).toBeInTheDocument();
  });

  it('shows the vehicle, client reference, contact and expiry in the header, times local with UTC on hover', async () => {
    const expires = new Date(Date.now() + 6 * 86_400_000 + 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const seed = buildReviewSeed({
      vehicle: {
        ...buildReviewSeed().session.vehicle,
        year: 2011,
        make: 'Infiniti',
        model: 'G37',
        vin: 'JN1CV6AR9BM123456',
      },
      options: { client_id: 'claim-9', sms: null },
      reference: { po: 'PO-77' },
      contact: { first_name: 'Ana', last_name: 'Silva' },
      expires_at: expires,
    });
    await renderReview(sessionPath, createFakeApi({ sessions: [seed] }));

    const facts = await screen.findByText('2011 Infiniti G37 · VIN JN1CV6AR9BM123456');
    const header = facts.closest('dl') as HTMLElement;
    expect(within(header).getByText('claim-9 · po=PO-77')).toBeInTheDocument();
    expect(within(header).getByText('Ana Silva')).toBeInTheDocument();
    expect(within(header).getByText('expires in 6 d')).toBeInTheDocument();
    expect(
      within(header).getByText(
        (_, element) => element?.tagName === 'TIME' && element.getAttribute('title') === '2021-05-27 07:30:00 UTC',
      ),
    ).toBeInTheDocument();
  });

  it('says when an expired session expired', async () => {
    await renderReview(
      sessionPath,
      createFakeApi({ sessions: [buildReviewSeed({ status: 'EXPIRED', active: false })] }),
    );

    const expiry = (await screen.findByText('Expiry')).nextElementSibling as HTMLElement;
    expect(expiry).toHaveTextContent(/^expired on /);
    expect(within(expiry).getByRole('time')).toHaveAttribute('title', '2021-06-03 07:30:00 UTC');
  });

  it('applies the filter from the URL, so a link reproduces the view', async () => {
    await renderReview(`${sessionPath}?filter=rejected`);

    expect(screen.getByRole('radio', { name: /Rejected/ })).toBeChecked();
    expect(cardTitles()).toEqual(['4. Left side']);
  });

  it('writes the chosen filter into the URL', async () => {
    const { user } = await renderReview();

    await user.click(screen.getByRole('radio', { name: /Retaken/ }));

    expect(window.location.search).toBe('?filter=retaken');
    expect(cardTitles()).toEqual(['2. Interior']);
    await user.click(screen.getByRole('radio', { name: /All/ }));
    expect(window.location.search).toBe('');
    expect(cardTitles()).toHaveLength(13);
  });

  it('opens a step timeline from its card and keeps the selection in the URL', async () => {
    const { user } = await renderReview();

    await user.click(screen.getByRole('button', { name: /^2\. Interior/ }));

    expect(window.location.search).toBe('?step=2');
    expect(await screen.findByRole('heading', { name: 'Step 2: Interior' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Attempts of Interior' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('refreshes in place: a new attempt appears, the selection stays, unchanged cards are the same nodes', async () => {
    const { api, queryCache } = await renderReview(`${sessionPath}?step=4`);
    const vinCard = screen.getByRole('button', { name: /^1\. VIN/ });

    api.addAttempt(sampleKey, buildAttemptRecord({ photo_code: 4, url: 'http://localhost/images/4-new.jpg' }));
    await act(() => queryCache.invalidate(['session', sampleKey, 'progress']));

    const left = screen.getByRole('button', { name: /^4\. Left side/ });
    await waitFor(() => expect(left).toHaveTextContent('2 attempts'));
    expect(left).toHaveAttribute('aria-pressed', 'true');
    expect(within(screen.getByRole('list', { name: 'Attempts of Left side' })).getAllByRole('listitem')).toHaveLength(
      2,
    );
    expect(screen.getByRole('button', { name: /^1\. VIN/ })).toBe(vinCard);
    expect(screen.queryByText(/Loading/)).toBeNull();
  });

  it('shows a new attempt from the event stream at once, without waiting for a poll', async () => {
    const { api } = await renderReview();
    await screen.findByText('Live: changes appear as they happen.');
    const calls = api.calls.length;

    act(() => api.addAttempt(sampleKey, buildAttemptRecord({ photo_code: 4, url: 'http://localhost/images/4-b.jpg' })));

    // while streaming the page polls every 30 s: only the event can have brought the attempt this soon
    await waitFor(() => expect(screen.getByRole('button', { name: /^4\. Left side/ })).toHaveTextContent('2 attempts'));
    expect(api.calls.slice(calls)).toContain(`GET /v1/sessions/${sampleKey}/progress`);
    expect(api.calls.filter((call) => call.endsWith('/events'))).toHaveLength(1);
  });

  it('tells screen readers politely of each attempt that arrives, not of those already there', async () => {
    const { api } = await renderReview();
    await screen.findByText('Live: changes appear as they happen.');
    const region = document.querySelector('[aria-live="polite"]') as HTMLElement;
    expect(region).toBeEmptyDOMElement();

    act(() => api.addAttempt(sampleKey, buildAttemptRecord({ photo_code: 4, url: 'http://localhost/images/4-b.jpg' })));

    await waitFor(() => expect(region).toHaveTextContent('Left side: accepted'));
    act(() => api.addAttempt(sampleKey, buildAttemptRecord({ photo_code: 11, reason: 'too_dark' })));
    await waitFor(() => expect(region).toHaveTextContent('Front right: rejected, Too Dark'));
  });

  it('says the page is final once the session is finished', async () => {
    await renderReview(sessionPath, createFakeApi({ sessions: [buildReviewSeed({ status: 'EXPIRED' })] }));

    expect(screen.getByText('Final: no more updates.')).toBeInTheDocument();
  });

  it('shows the API message for an unknown session', async () => {
    renderApp({ path: '/sessions/DEM-UNKNOWN000' });

    expect(await screen.findByRole('alert')).toHaveTextContent('Session DEM-UNKNOWN000 cannot be found.');
  });

  it('shows the raw photos JSON and copies it', async () => {
    const { user, api } = await renderReview();

    await user.click(screen.getByRole('button', { name: `Raw JSON of GET /v1/sessions/${sampleKey}/photos` }));
    const code = await screen.findByLabelText('Photos JSON');
    const expected = JSON.stringify(await createTestClient(api).sessions.photos(sampleKey), null, 2);
    await user.click(screen.getByRole('button', { name: 'Copy JSON' }));

    expect(code.textContent).toBe(expected);
    expect(JSON.parse(code.textContent ?? '')[0]).toEqual(
      expect.objectContaining({ photo_code: 1, photo_label: 'VIN' }),
    );
    expect(await navigator.clipboard.readText()).toBe(expected);
    expect(screen.getByText('Copied to the clipboard.')).toBeInTheDocument();
  });

  it('opens a lightbox from the timeline and walks the photos with the arrow keys', async () => {
    const { user } = await renderReview(`${sessionPath}?step=2`);
    const opener = await screen.findByRole('button', { name: 'View attempt 2 of Interior full size' });

    await user.click(opener);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('heading')).toHaveTextContent('Step 2, Interior, attempt 2 of 2: accepted');
    await user.keyboard('{ArrowRight}');
    expect(within(dialog).getByRole('heading')).toHaveTextContent('Step 3, Odometer, attempt 1 of 1: accepted');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(within(dialog).getByRole('heading')).toHaveTextContent(
      'Step 2, Interior, attempt 1 of 2: rejected (Wrong View)',
    );
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('exports the QA report as CSV and JSON files built in the browser', async () => {
    const { user } = await renderReview();
    const blobs: Blob[] = [];
    const names: string[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:report'),
      revokeObjectURL: () => undefined,
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(names).toHaveLength(2));
    click.mockRestore();

    expect(names).toEqual([`qa-report-${sampleKey}.csv`, `qa-report-${sampleKey}.json`]);
    const [csv, json] = await Promise.all(blobs.map((blob) => blob.text()));
    expect(csv?.split('\r\n')[0]).toBe(
      'step,photo_code,photo_label,attempt,approved,approved_message,reason_code,created_at,updated_at,processing_seconds,url,typed_value',
    );
    expect(csv?.split('\r\n')).toHaveLength(8);
    expect(csv?.split('\r\n')[4]).toMatch(/,48213$/);
    const report = JSON.parse(json ?? '') as { attempts: { photo_label: string; typed_value: string | null }[] };
    expect(report.attempts).toHaveLength(6);
    expect(report.attempts.map((row) => row.typed_value)).toEqual([null, null, null, '48213', null, null]);
  });

  it('links the ZIP of every photo, which the browser downloads with its sign-in cookie', async () => {
    await renderReview();

    const link = screen.getByRole('link', { name: 'Download all photos (ZIP)' });
    expect(link).toHaveAttribute('href', `/v1/sessions/${sampleKey}/photos.zip`);
    expect(link).toHaveAttribute('download', `${sampleKey}-photos.zip`);
  });

  it('shows a typed value on its card and in its timeline', async () => {
    const { user } = await renderReview();
    const cluster = screen.getByRole('button', { name: /^3\. Odometer/ });

    expect(cluster).toHaveTextContent('Odometer reading: 48213');
    await user.click(cluster);
    const attempts = within(screen.getByRole('list', { name: 'Attempts of Odometer' })).getAllByRole('listitem');
    expect(attempts[0]).toHaveTextContent('Typed odometer reading: 48213');
    expect(attempts[0]).toHaveTextContent('Entered manually');
  });
});
