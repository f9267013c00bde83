import { screen, waitFor, within } from '@testing-library/react';
import { SessionResults } from '@pave/domain';
import { createFakeApi } from '../../../testing/fake-api.js';
import { createTestClient, renderApp } from '../../../testing/render-app.js';
import { buildReviewSeed, sampleKey } from '../../../testing/sample-session.js';

const sessionPath = `/sessions/${sampleKey}`;

async function renderSession(seed = buildReviewSeed()) {
  const api = createFakeApi({ sessions: [seed] });
  const rendered = renderApp({ api, path: sessionPath });
  await screen.findByRole('heading', { name: 'Details' });
  return rendered;
}

/** The sample session, captured and confirmed. */
const completeSeed = () =>
  buildReviewSeed({
    status: 'COMPLETE',
    inspect_started_at: '2021-05-27T07:35:00+00:00',
    inspect_ended_at: '2021-05-27T07:39:00+00:00',
  });

function panel(name: string): HTMLElement {
  const heading = screen.getByRole('heading', { name });
  const section = heading.closest('section');
  if (!section) throw new Error(`no panel ${name}`);
  return section;
}

describe('SessionManagement: details', () => {
  it('disables what the rules forbid in the status, saying why, and saves what they allow', async () => {
    const { user, api } = await renderSession();
    const details = within(panel('Details'));

    const theme = details.getByRole('combobox', { name: 'Theme' });
    expect(theme).toBeDisabled();
    expect(theme).toHaveAccessibleDescription('session.theme may change only while IDLE; the session is PROCESS.');
    expect(details.getByRole('textbox', { name: 'Phone (SMS)' })).toBeDisabled();
    expect(details.getByRole('combobox', { name: 'Language' })).toBeEnabled();

    await user.selectOptions(details.getByRole('combobox', { name: 'Language' }), 'FR');
    await user.type(details.getByRole('textbox', { name: 'Make' }), 'Honda');
    await user.click(details.getByRole('button', { name: 'Save changes' }));

    expect(await details.findByRole('status')).toHaveTextContent('Saved.');
    expect(api.sentJson('PUT /v1/sessions/:key')).toEqual([
      { session: { language: 'FR' }, vehicle: { make: 'Honda' } },
    ]);
    expect(api.session(sampleKey)).toMatchObject({ language: 'FR', vehicle: { make: 'Honda' } });
  });

  it('changes the other vehicle facts and the driver, whose names go together', async () => {
    const { user, api } = await renderSession();
    const details = within(panel('Details'));
    expect(details.getByRole('combobox', { name: 'Odometer unit' })).toHaveValue('');

    await user.type(details.getByRole('textbox', { name: 'Body type' }), 'Sedan');
    await user.selectOptions(details.getByRole('combobox', { name: 'Odometer unit' }), 'MILES');
    await user.type(details.getByRole('textbox', { name: 'First name' }), 'Ada');
    await user.type(details.getByRole('textbox', { name: 'Last name' }), 'Lovelace');
    await user.click(details.getByRole('button', { name: 'Save changes' }));

    expect(await details.findByRole('status')).toHaveTextContent('Saved.');
    expect(api.sentJson('PUT /v1/sessions/:key')).toEqual([
      {
        vehicle: { body_type: 'Sedan', odom_unit: 'MILES' },
        session: { contact: { first_name: 'Ada', last_name: 'Lovelace' } },
      },
    ]);
    expect(api.session(sampleKey)).toMatchObject({
      vehicle: { body_type: 'Sedan', odom_unit: 'MILES' },
      contact: { first_name: 'Ada', last_name: 'Lovelace' },
    });
  });

  it("shows the server's refusal when a rule forbids a change", async () => {
    const { user, api } = await renderSession(buildReviewSeed({ status: 'IDLE', active: true }));
    api.failNext('PUT /v1/sessions/:key', {
      code: 'update_refused',
      message: 'Cannot update the session: session.theme may change only while IDLE; the session is STARTED.',
    });
    const details = within(panel('Details'));
    await user.selectOptions(details.getByRole('combobox', { name: 'Theme' }), 'LITE');
    await user.click(details.getByRole('button', { name: 'Save changes' }));

    expect(await details.findByText(/session\.theme may change only while IDLE/)).toBeInTheDocument();
  });
});

describe('SessionManagement: notes', () => {
  it("adds a note and lists it in the signed-in person's name", async () => {
    const { user, api } = await renderSession();
    const notes = within(panel('Notes'));
    expect(await notes.findByText('No notes yet.')).toBeInTheDocument();

    await user.type(notes.getByRole('textbox', { name: 'New note' }), 'Dent on the rear bumper');
    await user.click(notes.getByRole('button', { name: 'Add note' }));

    const note = await notes.findByRole('listitem');
    expect(note).toHaveTextContent('Dent on the rear bumper');
    expect(within(note).getByText(/^ada@example\.com,/)).toBeInTheDocument();
    await waitFor(() => expect(notes.getByRole('textbox', { name: 'New note' })).toHaveValue(''));
    expect(api.sentJson('POST /v1/sessions/:key/notes')).toEqual([{ note: 'Dent on the rear bumper' }]);
  });

  it.each([
    ['in PROCESS', buildReviewSeed],
    ['once COMPLETE (its own event stream has ended)', completeSeed],
  ])('shows a note someone else adds %s, without a reload', async (_, seed) => {
    const { api } = await renderSession(seed());
    const notes = within(panel('Notes'));
    expect(await notes.findByText('No notes yet.')).toBeInTheDocument();

    await createTestClient(api).sessions.notes.add(sampleKey, 'Customer called about the dent');

    expect(await notes.findByText('Customer called about the dent')).toBeInTheDocument();
  });
});

describe('SessionManagement: invalidate', () => {
  it('invalidates after a confirmation, with the reason, and then shows the reason', async () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    const { user, api } = await renderSession();
    const invalidate = within(panel('Invalidate'));
    expect(invalidate.getByRole('button', { name: 'Invalidate session' })).toBeDisabled();

    await user.type(invalidate.getByRole('textbox', { name: 'Reason' }), 'Wrong vehicle');
    await user.click(invalidate.getByRole('button', { name: 'Invalidate session' }));

    expect(await screen.findByRole('heading', { name: 'Invalidated' })).toBeInTheDocument();
    expect(screen.getAllByText(/Wrong vehicle/).length).toBeGreaterThan(0);
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining(`Invalidate session ${sampleKey}?`));
    expect(api.session(sampleKey)).toMatchObject({ status: 'INVALID', active: false, invalid_reason: 'Wrong vehicle' });
    await waitFor(() => expect(within(panel('Details')).getByRole('combobox', { name: 'Language' })).toBeDisabled());
    confirm.mockRestore();
  });

  it('shows an invalidation made elsewhere of a COMPLETE session, without a reload', async () => {
    const { api } = await renderSession(completeSeed());
    expect(await screen.findByRole('heading', { name: 'Invalidate' })).toBeInTheDocument();

    await createTestClient(api).sessions.invalidate(sampleKey, 'Photos of another car');

    expect(await screen.findByRole('heading', { name: 'Invalidated' })).toBeInTheDocument();
    expect(within(panel('Invalidated')).getByText('Reason: Photos of another car')).toBeInTheDocument();
  });

  it('does nothing when the confirmation is declined', async () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    const { user, api } = await renderSession();
    const invalidate = within(panel('Invalidate'));
    await user.type(invalidate.getByRole('textbox', { name: 'Reason' }), 'Oops');
    await user.click(invalidate.getByRole('button', { name: 'Invalidate session' }));

    expect(api.sentJson('POST /v1/sessions/:key/invalidate')).toEqual([]);
    expect(api.session(sampleKey)?.status).toBe('PROCESS');
    confirm.mockRestore();
  });
});

describe('SessionManagement: results', () => {
  it('offers no results before COMPLETE', async () => {
    const { api } = await renderSession();
    expect(screen.queryByRole('heading', { name: 'Results' })).toBeNull();
    expect(api.calls.filter((call) => call.endsWith('/results'))).toEqual([]);
  });

  it('shows the results document once COMPLETE and downloads it', async () => {
    const { user } = await renderSession(completeSeed());
    const results = within(panel('Results'));
    expect(await results.findByText(/inspected in \d+ s, 6 attempts/)).toBeInTheDocument();
    const blobs: Blob[] = [];
    const names: string[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:results'),
      revokeObjectURL: () => undefined,
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });

    await user.click(results.getByRole('button', { name: 'Download results JSON' }));
    click.mockRestore();

    expect(names).toEqual([`results-${sampleKey}.json`]);
    const document = SessionResults.parse(JSON.parse((await blobs[0]?.text()) ?? ''));
    expect(document.event).toBe('SESSION:COMPLETE');
    expect(document.photos).toHaveLength(6);
  });
});
