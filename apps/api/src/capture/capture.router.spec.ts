import {
  CaptureState,
  Session,
  SessionPhoto,
  sessionNotFoundMessage,
  sessionPhotoShape,
  type SessionKey,
} from '@pave/domain';
import { request } from 'node:http';
import sharp from 'sharp';
import { defaultQaSettings } from '../qa/qa-settings.js';
import {
  makeDarkImage,
  makeDecompressionBomb,
  makeNonImage,
  makeRotatedGpsImage,
  makeSceneImage,
  makeTruncatedJpeg,
  readExifSummary,
} from '../qa/test-images.js';
import type { Repository } from '../storage/repository.js';
import { captureTokenHeaders, postForm, type FormPart } from '../testing/capture-requests.js';
import { call } from '../testing/http-call.js';
import { createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { describeEachBackend } from '../testing/test-backends.js';
import type { TestImageStore } from '../testing/test-image-stores.js';
import { createTestClock, startTestServer, type TestClock, type TestServer } from '../testing/test-server.js';
import type { TestStorage } from '../testing/test-storage.js';

const start = new Date('2026-03-01T10:00:00Z');
const day = 86_400_000;

describeEachBackend('capture routes', (backend) => {
  let storage: TestStorage;
  let repo: Repository;
  let images: TestImageStore;
  let server: TestServer;
  let clock: TestClock;
  let acme: TestCredentials;
  let scene: Buffer;

  beforeAll(async () => {
    scene = await makeSceneImage({ seed: 101 });
  });
  beforeEach(async () => {
    storage = await backend.storage.create();
    repo = await storage.open();
    images = await backend.createImages();
    clock = createTestClock(start);
    server = await startTestServer(repo, { now: clock.read, images: images.store });
    acme = (await createTestAccount(repo, 'acme')).credentials;
  });
  afterEach(async () => {
    await server.close();
    await repo.close();
    await storage.destroy();
    await images.destroy();
  });

  // each session's Capture-Token header, from the capture_url its creation answered
  const links = new Map<string, Record<string, string>>();
  const auth = (key: string): Record<string, string> => links.get(key) ?? {};

  async function createSession(baseUrl = server.baseUrl): Promise<SessionKey> {
    const answer = await call(baseUrl, 'POST', '/v1/sessions', { credentials: acme, at: clock.now, json: {} });
    const session = Session.parse(answer.json);
    links.set(session.session_key, captureTokenHeaders(session.capture_url));
    return session.session_key;
  }

  const upload = (key: string, code: number | string, parts: readonly FormPart[]) =>
    postForm(server.baseUrl, `/v1/capture/${key}/photos/${code}`, parts, auth(key));
  const image = (bytes: Buffer): FormPart[] => [{ field: 'image', bytes }];
  const post = (key: string, action: string, json?: unknown) =>
    call(server.baseUrl, 'POST', `/v1/capture/${key}/${action}`, {
      headers: auth(key),
      ...(json === undefined ? {} : { json }),
    });

  async function expectNothingStored(key: SessionKey): Promise<void> {
    const session = await repo.sessions.findByKey(key, 'any');
    expect(await repo.attempts.listForSession(session?.id ?? -1)).toEqual([]);
    expect(await images.files()).toEqual([]);
  }

  async function setStatus(key: SessionKey, to: 'COMPLETE' | 'INVALID' | 'QC_PASSED' | 'CONFIRM'): Promise<void> {
    const session = await repo.sessions.findByKey(key, 'any');
    if (!session) throw new Error('session missing');
    const change = { sessionId: session.id, from: session.status, at: clock.now.getTime() };
    if (to === 'INVALID') await repo.sessions.invalidate({ ...change, reason: 'Leaked link' });
    else await repo.sessions.updateStatus({ ...change, to });
  }

  describe('GET /v1/capture/:session_key and start', () => {
    it('answers the 13 steps of a new session, all pending, VIN first', async () => {
      const key = await createSession();
      const answer = await call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers: auth(key) });
      expect(answer.status).toBe(200);
      const state = CaptureState.parse(answer.json);
      expect([state.status, state.complete, state.accepting, state.next_step]).toEqual([
        'IDLE',
        false,
        true,
        { step: 1, photo_code: 1, photo_label: 'VIN' },
      ]);
      expect(state.steps.map((s) => [s.photo_code, s.state, s.attempts, s.latest, s.may_skip, s.manual_entry])).toEqual(
        [1, 2, 3, 4, 10, 5, 11, 7, 12, 8, 13, 9, 6].map((code) => [
          code,
          'pending',
          0,
          null,
          false,
          code === 1 || code === 3,
        ]),
      );
    });

    it.each(['ACM-0000000000', 'not-a-key', '..%2f..'])('answers %s with the not-found 404', async (key) => {
      const answer = await call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers: auth(key) });
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ message: sessionNotFoundMessage(decodeURIComponent(key)), code: 'not_found' });
    });

    it('starts an IDLE session, idempotently, and refuses to start a closed one', async () => {
      const key = await createSession();
      expect(CaptureState.parse((await post(key, 'start')).json).status).toBe('STARTED');
      expect(CaptureState.parse((await post(key, 'start')).json).status).toBe('STARTED');
      await setStatus(key, 'COMPLETE');
      const refused = await post(key, 'start');
      expect([refused.status, refused.json]).toEqual([
        409,
        { message: `Session ${key} is COMPLETE: it takes no more photos.`, code: 'session_closed' },
      ]);
    });
  });

  describe("the session starts on the driver's first action, not on opening the link", () => {
    const getState = async (key: string) =>
      CaptureState.parse((await call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers: auth(key) })).json);
    const signed = (method: 'GET' | 'DELETE', key: string) =>
      call(server.baseUrl, method, `/v1/sessions/${key}`, { credentials: acme, at: clock.now });

    it('leaves a previewed link IDLE, not started and deletable, however often it is read', async () => {
      const key = await createSession();
      for (let read = 0; read < 3; read += 1) expect((await getState(key)).status).toBe('IDLE');

      const session = Session.parse((await signed('GET', key)).json);
      expect([session.status, session.inspect_started_at]).toEqual(['IDLE', null]);
      expect((await signed('DELETE', key)).status).toBe(200);
    });

    it('starts on the explicit start: STARTED, inspect_started_at set, no longer deletable', async () => {
      const key = await createSession();
      await getState(key);
      clock.now = new Date(start.getTime() + 60_000);
      expect(CaptureState.parse((await post(key, 'start')).json).status).toBe('STARTED');

      const session = Session.parse((await signed('GET', key)).json);
      expect([session.status, session.inspect_started_at]).toEqual(['STARTED', '2026-03-01T10:01:00+00:00']);
      expect((await signed('DELETE', key)).status).toBe(400);
    });

    it('starts on a first attempt without an explicit start (a typed VIN)', async () => {
      const key = await createSession();
      await getState(key);
      const typed = await post(key, 'manual', { photo_code: 1, value: '1HGCM82633A004352' });
      expect(typed.status).toBe(201);

      const session = Session.parse((await signed('GET', key)).json);
      expect(session.status).toBe('PROCESS');
      expect(session.inspect_started_at).not.toBeNull();
      expect((await signed('DELETE', key)).status).toBe(400);
    });
  });

  describe('what the capture app shows around the steps', () => {
    it('answers the language, redirect_url, the integrator and the vehicle with the typed VIN', async () => {
      const json = {
        session: { language: 'FR', redirect_url: 'https://dealer.example/done' },
        vehicle: { year: 2019, make: 'Honda', model: 'Civic' },
      };
      const created = Session.parse(
        (await call(server.baseUrl, 'POST', '/v1/sessions', { credentials: acme, at: clock.now, json })).json,
      );
      const key = created.session_key;
      links.set(key, captureTokenHeaders(created.capture_url));
      await post(key, 'manual', { photo_code: 1, value: '1hgcm82633a004352' });

      const state = CaptureState.parse(
        (await call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers: auth(key) })).json,
      );
      expect([state.language, state.redirect_url, state.integrator]).toEqual([
        'FR',
        'https://dealer.example/done',
        'acme',
      ]);
      expect(state.vehicle).toMatchObject({ vin: '1HGCM82633A004352', year: 2019, make: 'Honda', model: 'Civic' });
    });
  });

  describe('expiry', () => {
    it.each(['QC_PASSED', 'CONFIRM'] as const)(
      'expires a %s session past expires_at: no photo replaced, no confirm, the state says EXPIRED',
      async (status) => {
        const key = await createSession();
        await setStatus(key, status);
        clock.now = new Date(start.getTime() + 83 * day);
        const retake = await upload(key, 2, image(scene));
        expect([retake.status, retake.json]).toEqual([
          409,
          { message: `Session ${key} is EXPIRED: it takes no more photos.`, code: 'session_closed' },
        ]);
        const confirm = await post(key, 'confirm');
        expect(confirm.status).toBe(409);
        const state = CaptureState.parse(
          (await call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers: auth(key) })).json,
        );
        expect([state.status, state.accepting]).toEqual(['EXPIRED', false]);
        await expectNothingStored(key);
      },
    );
  });

  describe('the capture token', () => {
    const notFound = (key: string) => ({ message: sessionNotFoundMessage(key), code: 'not_found' });
    const wrongToken = { 'Capture-Token': 'A'.repeat(43) };

    it('hands out capture_url = <base>/capture/<key>#<token>, the token 256 random bits, stored only sealed', async () => {
      const answer = await call(server.baseUrl, 'POST', '/v1/sessions', { credentials: acme, at: clock.now, json: {} });
      const session = Session.parse(answer.json);
      const token = /#([A-Za-z0-9_-]{43})$/.exec(session.capture_url)?.[1] ?? '';
      expect(session.capture_url).toBe(`${server.baseUrl}/capture/${session.session_key}#${token}`);
      const row = await repo.sessions.findByKey(session.session_key, 'any');
      expect(JSON.stringify(row)).not.toContain(token);
      const again = await call(server.baseUrl, 'GET', `/v1/sessions/${session.session_key}`, {
        credentials: acme,
        at: clock.now,
      });
      expect(Session.parse(again.json).capture_url).toBe(session.capture_url);
    });

    it.each([
      ['no token', {}],
      ['a wrong token', wrongToken],
      ['an empty token', { 'Capture-Token': '' }],
    ])('answers every capture route with %s as the 404 of an unknown session', async (_how, headers) => {
      const key = await createSession();
      const answers = await Promise.all([
        call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers }),
        call(server.baseUrl, 'POST', `/v1/capture/${key}/start`, { headers }),
        call(server.baseUrl, 'POST', `/v1/capture/${key}/skip`, { headers, json: { photo_code: 13 } }),
        call(server.baseUrl, 'POST', `/v1/capture/${key}/manual`, { headers, json: { photo_code: 1, value: '1' } }),
        call(server.baseUrl, 'POST', `/v1/capture/${key}/confirm`, { headers }),
        postForm(server.baseUrl, `/v1/capture/${key}/photos/2`, image(scene), headers),
      ]);
      expect(answers.map((a) => [a.status, a.json])).toEqual(answers.map(() => [404, notFound(key)]));
      expect((await repo.sessions.findByKey(key, 'any'))?.status).toBe('IDLE');
      await expectNothingStored(key);
    });

    it("does not open another session's link with this one's token", async () => {
      const first = await createSession();
      const second = await createSession();
      const answer = await call(server.baseUrl, 'GET', `/v1/capture/${second}`, { headers: auth(first) });
      expect([answer.status, answer.json]).toEqual([404, notFound(second)]);
    });

    it("shows an INVALID session's status and reason to the right token only, and nothing else", async () => {
      const key = await createSession();
      expect((await upload(key, 2, image(scene))).status).toBe(201);
      await setStatus(key, 'INVALID');
      const answer = await call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers: auth(key) });
      const state = CaptureState.parse(answer.json);
      expect([state.status, state.accepting, state.invalid_reason]).toEqual(['INVALID', false, 'Leaked link']);
      expect(state.steps.every((step) => step.latest === null && step.attempts === 0)).toBe(true);
      expect(JSON.stringify(answer.json)).not.toContain('http');
      const guessed = await call(server.baseUrl, 'GET', `/v1/capture/${key}`, {
        headers: { 'Capture-Token': 'A'.repeat(43) },
      });
      const bare = await call(server.baseUrl, 'GET', `/v1/capture/${key}`);
      expect([guessed.status, guessed.json, bare.status, bare.json]).toEqual([404, notFound(key), 404, notFound(key)]);
    });

    it("shows a COMPLETE session's status only: no attempt, no photo URL", async () => {
      const key = await createSession();
      expect((await upload(key, 2, image(scene))).status).toBe(201);
      await setStatus(key, 'COMPLETE');
      const answer = await call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers: auth(key) });
      const state = CaptureState.parse(answer.json);
      expect([state.status, state.accepting]).toEqual(['COMPLETE', false]);
      expect(answer.text).not.toContain('/images/');
    });

    it('expires an overdue unfinished session when the capture app reads it, and refuses its uploads', async () => {
      const key = await createSession();
      clock.now = new Date(start.getTime() + 8 * day);
      const state = CaptureState.parse(
        (await call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers: auth(key) })).json,
      );
      expect([state.status, state.accepting, state.steps.some((s) => s.may_skip)]).toEqual(['EXPIRED', false, false]);
      const refused = await upload(key, 2, image(scene));
      expect([refused.status, refused.json]).toEqual([
        409,
        { message: `Session ${key} is EXPIRED: it takes no more photos.`, code: 'session_closed' },
      ]);
      await expectNothingStored(key);
    });
  });

  describe('POST …/photos/:photo_code', () => {
    it('answers 201 with the attempt, starts the session, and stores a rotated JPEG without EXIF or GPS', async () => {
      const key = await createSession();
      const answer = await upload(key, 2, image(await makeRotatedGpsImage({ seed: 7 })));
      expect(answer.status).toBe(201);
      const photo = SessionPhoto.parse(answer.json);
      // the wire order, pinned by the domain's session-photo.spec.ts
      expect(Object.keys(answer.json as object)).toEqual(Object.keys(sessionPhotoShape));
      expect(photo).toMatchObject({
        photo_code: 2,
        photo_label: 'Interior',
        approved: true,
        approved_message: 'ACCEPTED',
      });
      expect(photo.url).toMatch(new RegExp(`^${server.baseUrl}/images/[0-9a-f]{32}\\.jpg$`));
      const stored = await fetch(photo.url ?? '');
      const bytes = Buffer.from(await stored.arrayBuffer());
      expect((await sharp(bytes).metadata()).width).toBe(600);
      expect(await readExifSummary(bytes)).toEqual({ hasExif: false, orientation: null, hasGps: false });
      const state = CaptureState.parse(
        (await call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers: auth(key) })).json,
      );
      expect([state.status, state.steps[1]?.latest]).toEqual(['PROCESS', photo]);
    });

    it('judges each upload: a dark Interior is rejected as Too Dark', async () => {
      const key = await createSession();
      const answer = await upload(key, 2, image(await makeDarkImage({ seed: 3 })));
      expect(SessionPhoto.parse(answer.json)).toMatchObject({
        approved: false,
        approved_message: 'REJECTED: Too Dark',
      });
    });

    it.each([
      ['a file that is not an image', 415, () => image(makeNonImage()), /^The file is not a JPEG, PNG, WebP or AVIF/],
      ['a truncated JPEG', 415, async () => image(await makeTruncatedJpeg({ seed: 1 })), /cannot be decoded/],
      ['a decompression bomb', 422, () => image(makeDecompressionBomb()), /more than 50000000 pixels/],
      ['no file at all', 400, () => [{ field: 'note', text: 'hello' }], /^No file/],
      ['another file field', 400, () => [{ field: 'photo', bytes: scene }], /^Unexpected file field "photo"/],
      ['a second file', 400, () => [...image(scene), ...image(scene)], /^Send exactly one file/],
    ] as const)('refuses %s with %i and stores nothing', async (_label, status, parts, message) => {
      const key = await createSession();
      const answer = await upload(key, 2, await parts());
      expect(answer.status).toBe(status);
      expect(answer.json).toEqual({ message: expect.stringMatching(message), code: expect.any(String) });
      await expectNothingStored(key);
      expect((await repo.sessions.findByKey(key, 'any'))?.status).toBe('IDLE');
    });

    it('refuses a body that is not multipart/form-data with 415', async () => {
      const key = await createSession();
      const answer = await call(server.baseUrl, 'POST', `/v1/capture/${key}/photos/2`, {
        body: scene.toString('latin1'),
        headers: { ...auth(key), 'Content-Type': 'image/jpeg' },
      });
      expect([answer.status, answer.json]).toEqual([
        415,
        { message: 'Send the image as multipart/form-data, in the field "image".', code: 'unsupported_media_type' },
      ]);
      await expectNothingStored(key);
    });

    it.each(['0', '14', 'x', '2.5', '-1', '001'])('refuses photo code %s with 400', async (code) => {
      const key = await createSession();
      const answer = await upload(key, code, image(scene));
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ message: expect.stringMatching(/^Invalid photo code/) });
      await expectNothingStored(key);
    });

    it('refuses an unknown session with the not-found 404', async () => {
      const answer = await upload('ACM-0000000000', 2, image(scene));
      expect([answer.status, answer.json]).toEqual([
        404,
        { message: sessionNotFoundMessage('ACM-0000000000'), code: 'not_found' },
      ]);
      expect(await images.files()).toEqual([]);
    });

    it('refuses an upload to a COMPLETE or an INVALID session with 409', async () => {
      const complete = await createSession();
      const invalid = await createSession();
      await setStatus(complete, 'COMPLETE');
      await setStatus(invalid, 'INVALID');
      const answers = [await upload(complete, 2, image(scene)), await upload(invalid, 2, image(scene))];
      expect(answers.map((answer) => [answer.status, answer.json])).toEqual([
        [409, { message: `Session ${complete} is COMPLETE: it takes no more photos.`, code: 'session_closed' }],
        [409, { message: `Session ${invalid} is INVALID: it takes no more photos.`, code: 'session_closed' }],
      ]);
      await expectNothingStored(complete);
      await expectNothingStored(invalid);
    });
  });

  describe('POST …/manual, …/skip, …/confirm', () => {
    it('records a typed VIN as accepted, upper-cased, with the default image as its url', async () => {
      const key = await createSession();
      const answer = await post(key, 'manual', { photo_code: 1, value: ' 1hgcm82633a004352 ' });
      expect(answer.status).toBe(201);
      expect(SessionPhoto.parse(answer.json)).toMatchObject({
        photo_code: 1,
        url: `${server.baseUrl}/images/default/1.jpg`,
        approved: true,
        approved_message: 'ACCEPTED',
      });
      const session = await repo.sessions.findByKey(key, 'any');
      const [row] = await repo.attempts.listForSession(session?.id ?? -1);
      expect([row?.kind, row?.manualValue, session?.status]).toEqual(['manual', '1HGCM82633A004352', 'PROCESS']);
    });

    it.each([
      [{ photo_code: 1, value: 'NOT-A-VIN' }, 422, 'A VIN has 17 letters or digits, without I, O or Q.'],
      [{ photo_code: 3, value: '12a' }, 422, 'An odometer reading is 1 to 7 digits.'],
      [{ photo_code: 2, value: '123' }, 400, expect.stringMatching(/^Invalid manual entry: photo_code/)],
      [{ photo_code: 3 }, 400, expect.stringMatching(/^Invalid manual entry: value/)],
    ])('refuses %j with %i', async (json, status, message) => {
      const key = await createSession();
      const answer = await post(key, 'manual', json);
      expect([answer.status, (answer.json as { message: string }).message]).toEqual([status, message]);
      await expectNothingStored(key);
    });

    it('refuses to skip a step that can never be skipped with 400', async () => {
      const key = await createSession();
      const answer = await post(key, 'skip', { photo_code: 9 });
      expect([answer.status, answer.json]).toEqual([
        400,
        { message: 'Windshield can never be skipped: only exterior views can.', code: 'not_skippable' },
      ]);
      await expectNothingStored(key);
    });

    it('refuses to skip an exterior view while needed images are missing with 409 naming them', async () => {
      const key = await createSession();
      await post(key, 'manual', { photo_code: 1, value: '1HGCM82633A004352' });
      const answer = await post(key, 'skip', { photo_code: 4 });
      expect([answer.status, answer.json]).toEqual([
        409,
        {
          message: 'Cannot skip yet: Interior, Cluster, Windshield, Tires must be accepted first.',
          code: 'needed_images_missing',
        },
      ]);
    });

    it('refuses to confirm a capture that is not complete with 409', async () => {
      const key = await createSession();
      await post(key, 'start');
      const answer = await post(key, 'confirm');
      expect([answer.status, answer.json]).toEqual([
        409,
        {
          message: `Session ${key} cannot be confirmed while STARTED: its capture is not complete yet.`,
          code: 'invalid_transition',
        },
      ]);
    });
  });

  describe('GET /images/…', () => {
    it('serves a stored image and its thumbnail as immutable, unsniffable JPEGs', async () => {
      const key = await createSession();
      const photo = SessionPhoto.parse((await upload(key, 2, image(scene))).json);
      const id = /([0-9a-f]{32})\.jpg$/.exec(photo.url ?? '')?.[1] ?? '';
      for (const [path, width] of [
        [`/images/${id}.jpg`, 800],
        [`/images/${id}.thumb.jpg`, 320],
        ['/images/default/3.jpg', 800],
      ] as const) {
        const response = await fetch(`${server.baseUrl}${path}`);
        expect([response.status, response.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).width).toBe(width);
      }
      expect(await images.files()).toEqual([`${id.slice(0, 2)}/${id}.jpg`, `${id.slice(0, 2)}/${id}.thumb.jpg`]);
    });

    it.each([
      `/images/${'a'.repeat(32)}.jpg`,
      `/images/${'A'.repeat(32)}.jpg`,
      '/images/..%2f..%2fpave.sqlite',
      `/images/${'a'.repeat(32)}.png`,
      '/images/default/2.jpg',
      '/images/default/../1.jpg.x',
      '/images/aa/bb/cc.jpg',
      '/images/',
    ])('answers %s with a plain 404 that no cache keeps', async (path) => {
      const answer = await call(server.baseUrl, 'GET', path);
      expect([answer.status, answer.json]).toEqual([404, { message: expect.any(String) }]);
      expect(answer.headers.get('cache-control')).toBeNull();
    });
  });

  it.each([
    ['found while streaming', 12_000],
    ['declared by Content-Length', 400_000],
  ])('answers 413 to a file over the size limit (%s), stops reading it, and stores nothing', async (_how, extra) => {
    const small = await startTestServer(repo, {
      now: clock.read,
      images: images.store,
      qaSettings: { ...defaultQaSettings, maxInputBytes: 20_000 },
    });
    try {
      const key = await createSession(small.baseUrl);
      const big = Buffer.concat([scene.subarray(0, 10_000), Buffer.alloc(extra, 1)]);
      const refused = await postForm(small.baseUrl, `/v1/capture/${key}/photos/2`, image(big), auth(key));
      expect([refused.status, refused.json]).toEqual([
        413,
        { message: 'The image is larger than 20000 bytes.', code: 'payload_too_large' },
      ]);
      const session = await repo.sessions.findByKey(key, 'any');
      expect(await repo.attempts.listForSession(session?.id ?? -1)).toEqual([]);
      expect(await images.files()).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('answers 503 with Retry-After while every upload slot is taken, and takes uploads again afterwards', async () => {
    const busy = await startTestServer(repo, { now: clock.read, images: images.store, maxPendingUploads: 1 });
    try {
      const key = await createSession(busy.baseUrl);
      const boundary = 'slow-upload';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.jpg"\r\n\r\n`;
      const tail = `\r\n--${boundary}--\r\n`;
      const url = new URL(`${busy.baseUrl}/v1/capture/${key}/photos/2`);
      // a slow client: headers and the first bytes now, the rest later
      const slow = request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          ...auth(key),
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(head.length + scene.length + tail.length),
        },
      });
      const slowAnswer = new Promise<number>((resolve, reject) => {
        slow.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        slow.on('error', reject);
      });
      slow.write(head);
      slow.write(scene.subarray(0, 1000));
      const tryUpload = () => postForm(busy.baseUrl, `/v1/capture/${key}/photos/3`, image(makeNonImage()), auth(key));
      // the slow upload takes the one slot as soon as its headers arrive; until then others may get through (415)
      let refused = await tryUpload();
      for (let tries = 0; refused.status !== 503 && tries < 50; tries += 1) refused = await tryUpload();
      expect([refused.status, refused.headers.get('retry-after'), refused.json]).toEqual([
        503,
        '1',
        { message: 'Too many uploads in progress; try again in a moment.', code: 'unavailable' },
      ]);
      // a full pool is a warning without a stack, not an error
      const refusals = busy.logs
        .map((line) => JSON.parse(line) as { level: number; msg: string; err?: unknown })
        .filter((line) => line.msg === 'Too many uploads in progress; try again in a moment.');
      expect(refusals.length).toBeGreaterThan(0);
      expect(refusals.every((line) => line.level === 40 && line.err === undefined)).toBe(true);
      slow.end(Buffer.concat([scene.subarray(1000), Buffer.from(tail)]));
      expect(await slowAnswer).toBe(201);
      expect((await postForm(busy.baseUrl, `/v1/capture/${key}/photos/3`, image(scene), auth(key))).status).toBe(201);
    } finally {
      await busy.close();
    }
  });
});
