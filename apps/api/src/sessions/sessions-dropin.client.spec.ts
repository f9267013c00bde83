import { createPaveClient, PaveApiError, type PaveClient } from '@pave/client';
import {
  CompleteEvent,
  alreadyInvalidMessage,
  formatWireTimestamp,
  sessionNotCompletedMessage,
  SessionResults,
  type SessionKey,
  type PhotoCode,
  type SessionStatus,
  type UpdateSessionInput,
} from '@pave/domain';
import { buildPaveCreateBody } from '@pave/domain/testing';
import { makeSceneImage } from '../qa/test-images.js';
import { call, type HttpAnswer } from '../testing/http-call.js';
import { seedSampleAttempts } from '../testing/sample-attempts.js';
import { createTestAccount } from '../testing/test-accounts.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { describeEachStorage } from '../testing/test-storage.js';

// PAVE's Sessions surface around the photos endpoint (create body, session object, update, results, notes) and our
// invalidate, driven through @pave/client, with raw requests where the exact bytes matter.

// PAVE's documented create body, as its samples spell it (strings for year and odometer reading)
const paveBody = buildPaveCreateBody();
const exteriors = [4, 10, 5, 11, 7, 12, 8, 13] as const satisfies readonly PhotoCode[];

describeEachStorage('PAVE drop-in sessions through @pave/client', (kind) => {
  let app: TestApp;
  let pave: PaveClient;

  beforeEach(async () => {
    app = await startTestApp(kind.create, new Date('2026-03-01T10:00:00Z'));
    pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read, retry: { limit: 0 } });
  });
  afterEach(() => stopTestApp(app));

  const raw = (method: string, path: string, json?: unknown): Promise<HttpAnswer> =>
    call(app.server.baseUrl, method, path, {
      credentials: app.acme,
      at: app.clock.now,
      ...(json === undefined ? {} : { json }),
    });

  async function rowOf(key: SessionKey) {
    const row = await app.repo.sessions.findByKey(key, 'any');
    if (!row) throw new Error(`session ${key} missing`);
    return row;
  }

  async function moveTo(key: SessionKey, path: readonly SessionStatus[]): Promise<void> {
    for (const to of path) {
      const row = await rowOf(key);
      await app.repo.sessions.updateStatus({ sessionId: row.id, from: row.status, to, at: app.clock.now.getTime() });
      app.clock.now = new Date(app.clock.now.getTime() + 60_000);
    }
  }

  /** A session captured like the contract's sample, then confirmed: COMPLETE. */
  async function completeSession(): Promise<SessionKey> {
    const { session_key: key } = await pave.sessions.create({ vehicle: { make: 'Toyota' } });
    await moveTo(key, ['STARTED']);
    await seedSampleAttempts(app.repo, (await rowOf(key)).id);
    await moveTo(key, ['PROCESS', 'QC_PASSED', 'COMPLETE']);
    return key;
  }

  it("creates a session from PAVE's nested body and answers PAVE's session object with ours beside it", async () => {
    const created = await pave.sessions.create(paveBody);
    expect(created).toEqual({
      session_key: expect.stringMatching(/^ACM-/),
      theme: 'PRO',
      active: true,
      status: 'IDLE',
      redirect_url: 'https://dealer.example/done',
      inspect_started_at: null,
      inspect_ended_at: null,
      created_at: '2026-03-01T10:00:00+00:00',
      updated_at: '2026-03-01T10:00:00+00:00',
      language: 'EN',
      capture_url: expect.stringMatching(
        new RegExp(`^${app.server.baseUrl}/capture/${created.session_key}#`),
      ) as unknown,
      options: { client_id: 'SOUTH234889', sms: { ...paveBody.sms, sent: false } },
      vehicle: { ...paveBody.vehicle, year: 2019, odom_reading: 100945 },
      expires_at: '2026-03-08T10:00:00+00:00',
      contact: paveBody.session.contact,
      reference: paveBody.session.reference,
      invalid_reason: null,
    });
    expect(await pave.sessions.get(created.session_key)).toEqual(created);
    const progress = { steps_done: 0, steps_total: 13, last_activity_at: null };
    expect((await pave.sessions.list()).sessions).toEqual([{ ...created, progress }]);
  });

  it.each([
    [{ client_id: 'flat' }, 'Invalid session: Unrecognized key: "client_id"'],
    [{ session: { colour: 'red' } }, 'Invalid session: session: Unrecognized key: "colour"'],
    [{ vehicle: { odom_reading: '12,34' } }, 'Invalid session: vehicle.odom_reading: Expected digits'],
  ])('refuses %p with 400 and a message naming it, storing nothing', async (body, message) => {
    const answer = await raw('POST', '/v1/sessions', body);
    expect(answer.status).toBe(400);
    expect((answer.json as { message: string }).message).toContain(message);
    expect(Object.keys(answer.json as object)).toEqual(['message']);
    expect((await pave.sessions.list()).sessions).toEqual([]);
  });

  it('applies an allowed update and answers the updated session', async () => {
    const { session_key: key } = await pave.sessions.create(paveBody);
    app.clock.now = new Date(app.clock.now.getTime() + 5000);
    const updated = await pave.sessions.update(key, {
      session: { theme: 'LITE', reference: { claim: 'C-18' } },
      vehicle: { odom_reading: 120000 },
      sms: { to: '+15550199' },
    });
    expect(updated).toMatchObject({
      theme: 'LITE',
      reference: { claim: 'C-18' },
      vehicle: { make: 'Toyota', odom_reading: 120000 },
      options: { sms: { to: '+15550199', to_name: 'Ada' } },
      updated_at: '2026-03-01T10:00:05+00:00',
    });
    expect(await pave.sessions.get(key)).toEqual(updated);
  });

  // Contract section 3, rule by rule: each PAVE rule allowed in the last status it permits and refused in the first
  // it forbids (the path moves the session there), each sent alone and beside a change that is allowed then.
  const toConfirm: readonly SessionStatus[] = ['STARTED', 'PROCESS', 'QC_PASSED', 'CONFIRM'];
  const newRedirect = { session: { redirect_url: 'https://dealer.example/next' } };
  const untilClosed = (field: string) =>
    `Cannot update the session: ${field} may change only until the session is COMPLETE, EXPIRED or INVALID; the session is COMPLETE.`;

  it.each<[string, readonly SessionStatus[], UpdateSessionInput]>([
    ['session.theme while IDLE', [], { session: { theme: 'LITE' } }],
    ['sms.to before the capture started', [], { sms: { to: '+15550199' } }],
    ['session.redirect_url in CONFIRM', toConfirm, newRedirect],
    ['session.language in CONFIRM', toConfirm, { session: { language: 'FR' } }],
  ])('applies %s', async (_, path, body) => {
    const { session_key: key } = await pave.sessions.create(paveBody);
    await moveTo(key, path);
    const alone = await raw('PUT', `/v1/sessions/${key}`, body);
    const beside = await raw('PUT', `/v1/sessions/${key}`, { ...body, session: { ...body.session, client_id: 'C-2' } });
    expect([alone.status, beside.status]).toEqual([200, 200]);
    const after = await pave.sessions.get(key);
    expect(after).toEqual(beside.json);
    expect(after).toMatchObject({
      ...body.session,
      options: { client_id: 'C-2', ...(body.sms ? { sms: body.sms } : {}) },
    });
  });

  it.each<[string, readonly SessionStatus[], UpdateSessionInput, string]>([
    [
      'session.theme once STARTED',
      ['STARTED'],
      { session: { theme: 'LITE' } },
      'Cannot update the session: session.theme may change only while IDLE; the session is STARTED.',
    ],
    [
      'sms.to once the capture started',
      ['STARTED'],
      { sms: { to: '+15550199' } },
      'Cannot update the session: sms.to may change only before the capture started; the session is STARTED.',
    ],
    [
      'session.redirect_url once COMPLETE',
      [...toConfirm, 'COMPLETE'],
      newRedirect,
      untilClosed('session.redirect_url'),
    ],
    [
      'session.language once COMPLETE',
      [...toConfirm, 'COMPLETE'],
      { session: { language: 'FR' } },
      untilClosed('session.language'),
    ],
  ])('refuses %s with 400 naming the field, applying nothing: byte-identical', async (_, path, body, message) => {
    const { session_key: key } = await pave.sessions.create(paveBody);
    await moveTo(key, path);
    const before = await raw('GET', `/v1/sessions/${key}`);
    const alone = await raw('PUT', `/v1/sessions/${key}`, body);
    const beside = await raw('PUT', `/v1/sessions/${key}`, { ...body, session: { ...body.session, client_id: 'C-2' } });
    expect([alone.status, alone.json]).toEqual([400, { message }]);
    expect([beside.status, beside.json]).toEqual([400, { message }]);
    expect((await raw('GET', `/v1/sessions/${key}`)).text).toBe(before.text);
  });

  it('answers an update of an unknown or foreign session with the common 404, applying nothing', async () => {
    const { session_key: key } = await pave.sessions.create(paveBody);
    const unknownKey = key.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const stranger = await createTestAccount(app.repo, 'other');
    const foreign = await call(app.server.baseUrl, 'PUT', `/v1/sessions/${key}`, {
      credentials: stranger.credentials,
      at: app.clock.now,
      json: { session: { language: 'FR' } },
    });
    const unknown = await raw('PUT', `/v1/sessions/${unknownKey}`, { session: { language: 'FR' } });
    expect([foreign.status, foreign.text]).toEqual([
      404,
      JSON.stringify({ message: `Session ${key} cannot be found.` }),
    ]);
    expect([unknown.status, unknown.json]).toEqual([404, { message: `Session ${unknownKey} cannot be found.` }]);
    expect((await pave.sessions.get(key)).language).toBe('EN');
  });

  it('lets many updates race without losing one: each applies in full, one after another', async () => {
    const { session_key: key } = await pave.sessions.create();
    const makes = Array.from({ length: 8 }, (_, i) => `Make ${i}`);
    await Promise.all(
      makes.map((make, i) => pave.sessions.update(key, { vehicle: { make }, session: { reference: { n: `${i}` } } })),
    );
    const row = await rowOf(key);
    expect(row.version).toBe(8);
    const index = makes.indexOf(row.settings.vehicle.make ?? '');
    expect(row.settings.reference).toEqual({ n: `${index}` });
  });

  it("answers results before COMPLETE with PAVE's 400, and after it the document with photos byte for byte", async () => {
    const { session_key: idle } = await pave.sessions.create();
    const early = await raw('GET', `/v1/sessions/${idle}/results`);
    expect([early.status, early.json]).toEqual([400, { message: sessionNotCompletedMessage() }]);

    const key = await completeSession();
    const photos = await raw('GET', `/v1/sessions/${key}/photos`);
    const results = await raw('GET', `/v1/sessions/${key}/results`);
    expect(results.status).toBe(200);
    expect(results.text.endsWith(`,"photos":${photos.text}}`)).toBe(true);
    const document = SessionResults.parse(results.json);
    expect(document).toEqual(await pave.sessions.results(key));
    expect(document.session).toMatchObject({
      status: 'COMPLETE',
      capture_duration: 40, // the sample: its first attempt at 07:36:16, its last at 07:36:56
      source: { type: 'api', properties: { api_name: 'acme' } },
    });
    expect(document.vehicle).toMatchObject({ make: 'Toyota' });

    // a COMPLETE session invalidated later is no longer to be used: its results answer the 400 again
    await pave.sessions.invalidate(key, 'Photos of another car');
    const invalidated = await raw('GET', `/v1/sessions/${key}/results`);
    expect([invalidated.status, invalidated.json]).toEqual([400, { message: sessionNotCompletedMessage() }]);
  });

  it('answers, after a real capture and confirmation, the very document SESSION:COMPLETE carried', async () => {
    const created = await pave.sessions.create({ vehicle: { make: 'Toyota' } });
    const key = created.session_key;
    const link = pave.capture(created.capture_url);
    const later = (minutes: number) => (app.clock.now = new Date(app.clock.now.getTime() + minutes * 60_000));
    const started = app.clock.now;
    await link.start();
    const firstAttempt = later(1);
    await link.manual({ photo_code: 1, value: '1HGCM82633A004352' });
    await link.manual({ photo_code: 3, value: '48213' });
    for (const code of [2, 9, 6] as const) {
      const image = await makeSceneImage({ seed: 2200 + code });
      await link.upload(code, new Blob([new Uint8Array(image)], { type: 'image/jpeg' }));
    }
    const [lastView, ...views] = exteriors;
    for (const code of views) await link.skip(code);
    const lastAttempt = later(3);
    await link.skip(lastView);
    const confirmed = later(1);
    expect((await link.confirm()).status).toBe('COMPLETE');

    const bodies = [];
    for await (const event of pave.sessions.events(key)) bodies.push(event.body);
    const { seq, event, ...carried } = CompleteEvent.parse(bodies.find((body) => body.event === 'SESSION:COMPLETE'));
    const results = await raw('GET', `/v1/sessions/${key}/results`);
    expect(results.json).toEqual({ event, ...carried });
    expect(seq).toBe(bodies.length);
    const photos = await raw('GET', `/v1/sessions/${key}/photos`);
    expect(results.text.endsWith(`,"photos":${photos.text}}`)).toBe(true);
    // capture_duration: first attempt to last; inspect_duration: first attempt to the confirmation (docs/contract.md)
    expect(carried.session).toMatchObject({
      status: 'COMPLETE',
      inspect_started_at: formatWireTimestamp(started),
      inspect_ended_at: formatWireTimestamp(confirmed),
      capture_duration: (lastAttempt.getTime() - firstAttempt.getTime()) / 1000,
      inspect_duration: (confirmed.getTime() - firstAttempt.getTime()) / 1000,
      vehicle: { vin: '1HGCM82633A004352', make: 'Toyota', odom_reading: 48213 },
    });
    expect(carried.vehicle).toEqual(carried.session.vehicle);
  });

  it('adds notes in the account name and lists them oldest first; another account sees none', async () => {
    const { session_key: key } = await pave.sessions.create();
    const first = await pave.sessions.notes.add(key, '  Dent on the rear bumper ');
    await pave.sessions.notes.add(key, 'Customer called');
    expect(first).toEqual({
      id: first.id,
      note: 'Dent on the rear bumper',
      author: 'acme',
      created_at: expect.any(String),
    });
    expect((await pave.sessions.notes.list(key)).map((note) => note.note)).toEqual([
      'Dent on the rear bumper',
      'Customer called',
    ]);
    const stranger = createPaveClient({
      baseUrl: app.server.baseUrl,
      ...(await createTestAccount(app.repo, 'other')).credentials,
      now: app.clock.read,
      retry: { limit: 0 },
    });
    await expect(stranger.sessions.notes.list(key)).rejects.toMatchObject({ status: 404 });
    const empty = await raw('POST', `/v1/sessions/${key}/notes`, { note: ' ' });
    expect(empty.status).toBe(400);
  });

  it('records SESSION:NOTE_INSERT with each note, carrying the note as GET …/notes lists it', async () => {
    const { session_key: key } = await pave.sessions.create();
    const added = await pave.sessions.notes.add(key, 'Dent on the rear bumper');
    const bodies = [];
    // the session is not finished: its stream goes on, so the test stops reading after the first event
    for await (const event of pave.sessions.events(key)) {
      bodies.push(event.body);
      break;
    }
    expect(bodies).toEqual([{ event: 'SESSION:NOTE_INSERT', seq: 1, session_key: key, note: added }]);
    expect(await pave.sessions.notes.list(key)).toEqual([added]);
  });

  it('invalidates a session: INVALID with its reason, inactive, and its capture takes nothing more', async () => {
    const { session_key: key, capture_url: captureUrl } = await pave.sessions.create();
    const capture = pave.capture(captureUrl);
    await capture.start();
    const invalid = await pave.sessions.invalidate(key, 'Link posted on a public forum');
    expect(invalid).toMatchObject({
      status: 'INVALID',
      active: false,
      invalid_reason: 'Link posted on a public forum',
    });
    expect(await pave.sessions.get(key)).toEqual(invalid);
    const refusals = await Promise.all([
      capture.start().catch((error: unknown) => error),
      capture.manual({ photo_code: 1, value: '1HGCM82633A004352' }).catch((error: unknown) => error),
      capture.upload(2, new Blob([new Uint8Array([1, 2, 3])])).catch((error: unknown) => error),
    ]);
    // an invalidated session's capture link takes nothing more; its token still reads the status and the reason
    for (const refusal of refusals) expect(refusal).toMatchObject({ status: 409, body: { code: 'session_closed' } });
    expect(await capture.get()).toMatchObject({
      status: 'INVALID',
      accepting: false,
      invalid_reason: 'Link posted on a public forum',
    });
    expect(await pave.sessions.photos(key)).toEqual([]);
    const again = await pave.sessions.invalidate(key, 'twice').catch((error: unknown) => error);
    expect(again).toBeInstanceOf(PaveApiError);
    expect((again as PaveApiError).body.message).toBe(alreadyInvalidMessage(key));
    const update = await raw('PUT', `/v1/sessions/${key}`, { session: { client_id: 'x' } });
    expect(update.status).toBe(400);
  });

  it('records a VIN given at creation when the capture starts, so the driver skips the VIN step', async () => {
    const created = await pave.sessions.create({ vehicle: { vin: 'JN1CV6AR9BM123456' } });
    const key = created.session_key;
    const state = await pave.capture(created.capture_url).start();
    expect(state.next_step).toMatchObject({ step: 2, photo_label: 'Interior' });
    expect((await pave.sessions.get(key)).status).toBe('PROCESS');
    const photos = await pave.sessions.photos(key);
    expect(photos).toEqual([
      expect.objectContaining({ photo_code: 1, approved: true, url: `${app.server.baseUrl}/images/default/1.jpg` }),
    ]);
    await pave.capture(created.capture_url).start();
    expect(await pave.sessions.photos(key)).toHaveLength(1);
    expect((await pave.sessions.get(key)).vehicle.vin).toBe('JN1CV6AR9BM123456');
  });

  it('returns typed values everywhere: each typed attempt on the progress, the latest in the session vehicle', async () => {
    const created = await pave.sessions.create({ vehicle: { odom_reading: 120000, odom_unit: 'KILOMETRES' } });
    const capture = pave.capture(created.capture_url);
    await capture.manual({ photo_code: 1, value: '1hgcm82633a004352' });
    await capture.manual({ photo_code: 3, value: '48 213' });
    await capture.manual({ photo_code: 3, value: '48214' });
    const progress = await pave.sessions.progress(created.session_key);
    const typed = (code: number) =>
      progress.steps.find((step) => step.photo_code === code)?.attempts.map((attempt) => attempt.typed_value);
    expect([typed(1), typed(3), typed(2)]).toEqual([['1HGCM82633A004352'], ['48213', '48214'], []]);
    const { vehicle } = await pave.sessions.get(created.session_key);
    expect(vehicle).toMatchObject({ vin: '1HGCM82633A004352', odom_reading: 48214, odom_unit: 'KILOMETRES' });
  });
});
