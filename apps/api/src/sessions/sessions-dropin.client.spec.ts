import { createPaveClient, PaveApiError, type PaveClient } from '@pave/client';
import {
  alreadyInvalidMessage,
  sessionNotCompletedMessage,
  SessionResults,
  type SessionKey,
  type SessionStatus,
} from '@pave/domain';
import { buildPaveCreateBody } from '@pave/domain/testing';
import { call, type HttpAnswer } from '../testing/http-call.js';
import { seedSampleAttempts } from '../testing/sample-attempts.js';
import { createTestAccount } from '../testing/test-accounts.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { describeEachStorage } from '../testing/test-storage.js';

// PAVE's Sessions surface around the photos endpoint (create body, session object, update, results, notes) and our
// invalidate, driven through @pave/client, with raw requests where the exact bytes matter.

// PAVE's documented create body, as its samples spell it (strings for year and odometer reading)
const paveBody = buildPaveCreateBody();

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
    expect((await pave.sessions.list()).sessions).toEqual([created]);
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

  it.each<[string, readonly SessionStatus[], { session?: object; sms?: object }, string]>([
    ['theme once STARTED', ['STARTED'], { session: { theme: 'LITE' } }, 'session.theme may change only while IDLE'],
    ['sms.to once capturing', ['STARTED', 'PROCESS'], { sms: { to: '+15550199' } }, 'sms.to may change only before'],
    ['language once COMPLETE', ['STARTED', 'PROCESS', 'QC_PASSED', 'COMPLETE'], { session: { language: 'FR' } }, ''],
  ])('refuses %s with 400 naming the field, and leaves the session byte-identical', async (_, path, body, words) => {
    const { session_key: key } = await pave.sessions.create(paveBody);
    await moveTo(key, path);
    const before = await raw('GET', `/v1/sessions/${key}`);
    const withAllowed = { ...body, session: { ...('session' in body ? body.session : {}), client_id: 'changed' } };
    const refused = await raw('PUT', `/v1/sessions/${key}`, withAllowed);
    const refusedAlone = await raw('PUT', `/v1/sessions/${key}`, body);
    expect([refused.status, refusedAlone.status]).toEqual([400, 400]);
    expect(Object.keys(refusedAlone.json as object)).toEqual(['message']);
    expect((refusedAlone.json as { message: string }).message).toContain(words);
    expect((await raw('GET', `/v1/sessions/${key}`)).text).toBe(before.text);
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
    const photos = await pave.sessions.photos(key);
    expect(photos).toEqual([
      expect.objectContaining({ photo_code: 1, approved: true, url: `${app.server.baseUrl}/images/default/1.jpg` }),
    ]);
    await pave.capture(created.capture_url).start();
    expect(await pave.sessions.photos(key)).toHaveLength(1);
    expect((await pave.sessions.get(key)).vehicle.vin).toBe('JN1CV6AR9BM123456');
  });
});
