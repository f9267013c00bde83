import { createPaveClient, PaveApiError, type CaptureClient, type PaveClient } from '@pave/client';
import {
  exteriorCodes,
  parseWireTimestamp,
  type CreateSessionRequest,
  photoLabelOf,
  sessionPhotoShape,
  SessionPhotos,
  type PhotoCode,
  type SessionKey,
  type SessionPhoto,
} from '@pave/domain';
import sharp from 'sharp';
import {
  makeBlurredImage,
  makeDarkImage,
  makePortraitImage,
  makeRecompressedCopy,
  makeSceneImage,
} from '../qa/test-images.js';
import { call } from '../testing/http-call.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { describeEachBackend } from '../testing/test-backends.js';

// A whole capture like the contract's sample, driven through @pave/client (capture and signed sessions calls):
// rejected Interior retaken, rejected exterior views (blurry, portrait, a duplicate of another step), a typed
// VIN, a skip; then GET …/photos checked against the contract point by point.

const start = new Date('2026-03-01T10:00:00Z');
const wireTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

function blob(bytes: Buffer): Blob {
  return new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
}

describeEachBackend('a whole capture through @pave/client', (backend) => {
  let app: TestApp;
  let pave: PaveClient;

  beforeEach(async () => {
    // a burst below sends 8 uploads to one session at once: its share must hold them all
    app = await startTestApp(backend.storage.create, start, {
      createImages: backend.createImages,
      uploadShares: { perSession: 8, perAddress: 0 },
    });
    pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read, retry: { limit: 0 } });
  });
  afterEach(() => stopTestApp(app));

  const links = new Map<SessionKey, CaptureClient>();
  /** Creates a session through the API and keeps the capture client of its capture_url. */
  async function createSession(input: CreateSessionRequest = {}): Promise<SessionKey> {
    const session = await pave.sessions.create(input);
    links.set(session.session_key, pave.capture(session.capture_url));
    return session.session_key;
  }
  function capture(key: SessionKey): CaptureClient {
    const client = links.get(key);
    if (!client) throw new Error(`no capture link for ${key}`);
    return client;
  }

  /** Moves the clock on 2 s, then acts: every attempt gets its own second. */
  async function later<T>(action: () => Promise<T>): Promise<T> {
    app.clock.now = new Date(app.clock.now.getTime() + 2000);
    return action();
  }

  async function uploadScene(key: SessionKey, code: PhotoCode, seed: number = code): Promise<SessionPhoto> {
    return later(async () => capture(key).upload(code, blob(await makeSceneImage({ seed: 1000 + seed }))));
  }

  async function captureLikeTheSample(key: SessionKey, interior: Buffer): Promise<void> {
    expect((await capture(key).start()).status).toBe('STARTED');
    await later(() => capture(key).manual({ photo_code: 1, value: '1hgcm82633a004352' }));
    await later(async () => capture(key).upload(2, blob(await makeDarkImage({ seed: 2 }))));
    await later(() => capture(key).upload(2, blob(interior)));
    await uploadScene(key, 3);
    await later(async () => capture(key).upload(4, blob(await makePortraitImage({ seed: 4 }))));
    await later(async () => capture(key).upload(10, blob(await makeBlurredImage({ seed: 10 }))));
    await later(async () => capture(key).upload(5, blob(await makeRecompressedCopy(interior))));
    for (const code of [11, 7, 12, 8] as const) await uploadScene(key, code);
    const early = await capture(key)
      .skip(13)
      .catch((error: unknown) => error);
    expect(early).toBeInstanceOf(PaveApiError);
    expect([(early as PaveApiError).status, (early as PaveApiError).body]).toEqual([
      409,
      { message: 'Cannot skip yet: Windshield, Tires must be accepted first.', code: 'needed_images_missing' },
    ]);
    await uploadScene(key, 9);
    await uploadScene(key, 6);
    expect((await capture(key).get()).steps.filter((s) => s.may_skip).map((s) => s.photo_code)).toEqual([4, 10, 5, 13]);
    await later(() => capture(key).skip(13));
  }

  const expectedVerdicts: [PhotoCode, string][] = [
    [1, 'ACCEPTED'],
    [2, 'REJECTED: Too Dark'],
    [2, 'ACCEPTED'],
    [3, 'ACCEPTED'],
    [4, 'REJECTED: Wrong Orientation'],
    [10, 'REJECTED: Blurry Image'],
    [5, 'REJECTED: Wrong View'],
    [11, 'ACCEPTED'],
    [7, 'ACCEPTED'],
    [12, 'ACCEPTED'],
    [8, 'ACCEPTED'],
    [9, 'ACCEPTED'],
    [6, 'ACCEPTED'],
    [13, 'REJECTED: Skipped'],
  ];

  async function expectFetchableJpeg(url: string): Promise<void> {
    const response = await fetch(url);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(metadata.format).toBe('jpeg');
  }

  function expectContractShape(photos: readonly SessionPhoto[], raw: unknown): void {
    expect(Array.isArray(raw)).toBe(true);
    for (const element of raw as object[]) expect(Object.keys(element)).toEqual(Object.keys(sessionPhotoShape));
    expect(photos.map((p) => [p.photo_code, p.approved_message])).toEqual(expectedVerdicts);
    for (const photo of photos) {
      expect(photo.photo_label).toBe(photoLabelOf(photo.photo_code));
      expect(photo.approved).toBe(photo.approved_message === 'ACCEPTED');
      expect([photo.created_at, photo.updated_at].every((t) => wireTimestamp.test(t))).toBe(true);
      expect(photo.url === null).toBe(photo.approved_message === 'REJECTED: Skipped');
    }
    const created = photos.map((p) => parseWireTimestamp(p.created_at)?.getTime() ?? 0);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    const [darkInterior, goodInterior] = photos.filter((p) => p.photo_code === 2);
    expect(darkInterior?.updated_at).toBe(goodInterior?.created_at);
    expect(photos[0]?.url).toBe(`${app.server.baseUrl}/images/default/1.jpg`);
  }

  it('records every attempt with its verdict and serves every image, QC_PASSED then COMPLETE', async () => {
    const key = await createSession({ session: { client_id: 'claim-5' } });
    const interior = await makeSceneImage({ seed: 1002 });
    await captureLikeTheSample(key, interior);

    const photos = await pave.sessions.photos(key);
    const raw = await call(app.server.baseUrl, 'GET', `/v1/sessions/${key}/photos`, {
      credentials: app.acme,
      at: app.clock.now,
    });
    expect(SessionPhotos.parse(raw.json)).toEqual(photos);
    expectContractShape(photos, raw.json);
    for (const photo of photos) if (photo.url) await expectFetchableJpeg(photo.url);
    expect(await pave.sessions.get(key)).toMatchObject({
      status: 'QC_PASSED',
      vehicle: { vin: '1HGCM82633A004352' }, // what the driver typed flows back into the session
      inspect_started_at: expect.any(String),
      inspect_ended_at: null,
    });

    const state = await capture(key).get();
    expect([state.status, state.complete, state.accepting, state.next_step]).toEqual(['QC_PASSED', true, true, null]);
    expect((await capture(key).confirm()).status).toBe('COMPLETE');
    expect((await pave.sessions.get(key)).status).toBe('COMPLETE');
    const closed = await capture(key)
      .upload(2, blob(interior))
      .catch((error: unknown) => error);
    expect([(closed as PaveApiError).status, (closed as PaveApiError).body.code]).toEqual([409, 'session_closed']);
    expect(await pave.sessions.photos(key)).toEqual(photos);
  });

  it('shows the QA evidence on the progress endpoint: measures, thresholds, nearest step, thumbnails', async () => {
    const key = await createSession();
    const interior = await makeSceneImage({ seed: 1002 });
    await captureLikeTheSample(key, interior);
    const progress = await pave.sessions.progress(key);
    const attempts = progress.steps.flatMap((step) => step.attempts);
    const wrongView = attempts.find((a) => a.photo_code === 5);
    expect(wrongView?.reason_code).toBe('wrong_view');
    expect(wrongView?.qa_measures).toMatchObject({ nearestOtherStepCode: 2, duplicateMaxHamming: 8 });
    expect(Number(wrongView?.qa_measures?.['nearestOtherStepDistance'])).toBeLessThanOrEqual(8);
    const accepted = attempts.filter((a) => a.approved && a.thumbnail_url !== null);
    expect(accepted.map((a) => a.photo_code)).toEqual([2, 3, 11, 7, 12, 8, 9, 6]);
    // distinct real-looking scenes of one session are never taken for duplicates of each other (the first photo
    // had no other step to be compared with)
    const distances = accepted.slice(1).map((a) => Number(a.qa_measures?.['nearestOtherStepDistance']));
    expect(distances.filter((distance) => !(distance > 8))).toEqual([]);
    expect(accepted[0]?.qa_measures?.['nearestOtherStepDistance']).toBeUndefined();
    const blurry = attempts.find((a) => a.photo_code === 10)?.qa_measures;
    expect(Number(blurry?.['laplacianVariance'])).toBeLessThan(Number(blurry?.['blurVarianceMin']));
    for (const attempt of accepted) await expectFetchableJpeg(attempt.thumbnail_url ?? '');
  });

  it('goes back to PROCESS when a retake breaks a complete capture, and QC_PASSED again after a good one', async () => {
    const key = await createSession();
    await captureLikeTheSample(key, await makeSceneImage({ seed: 1002 }));
    expect((await capture(key).get()).status).toBe('QC_PASSED');
    await later(async () => capture(key).upload(6, blob(await makeDarkImage({ seed: 6 }))));
    expect((await capture(key).get()).status).toBe('PROCESS');
    const early = await capture(key)
      .confirm()
      .catch((error: unknown) => error);
    expect([(early as PaveApiError).status, (early as PaveApiError).body.code]).toEqual([409, 'invalid_transition']);
    await uploadScene(key, 6, 66);
    expect((await capture(key).get()).status).toBe('QC_PASSED');
    expect((await capture(key).confirm()).status).toBe('COMPLETE');
  });

  it('moves the status on when the last two photos arrive at once, without a later read settling it', async () => {
    const key = await createSession();
    await capture(key).start();
    await capture(key).manual({ photo_code: 1, value: '1HGCM82633A004352' });
    await capture(key).manual({ photo_code: 3, value: '100945' });
    for (const code of [2, 9, 6] as const) await uploadScene(key, code);
    const [first, second, ...skipped] = exteriorCodes;
    for (const code of skipped) await capture(key).skip(code);
    const stored = async () => (await app.repo.sessions.findByKey(key, 'any'))?.status;
    expect(await stored()).toBe('PROCESS');
    const last = [first, second] as const;
    const images = await Promise.all(last.map(async (code) => makeSceneImage({ seed: 1000 + code })));
    await Promise.all(last.map((code, index) => capture(key).upload(code, blob(images[index] ?? Buffer.alloc(0)))));
    // whichever append committed last saw both photos: the stored status is already the captured one
    expect(await stored()).toBe('QC_PASSED');
  });

  it('keeps every attempt of a burst of concurrent uploads to one session, in a consistent order', async () => {
    const key = await createSession();
    const codes = [2, 3, 9, 6, 2, 4, 10, 5] as const;
    const images = await Promise.all(codes.map((code, index) => makeSceneImage({ seed: 2000 + index * 13 + code })));
    const answers = await Promise.all(
      codes.map((code, index) => capture(key).upload(code, blob(images[index] ?? Buffer.alloc(0)))),
    );
    expect(answers).toHaveLength(codes.length);
    const photos = await pave.sessions.photos(key);
    expect(photos.map((p) => p.photo_code).sort((a, b) => a - b)).toEqual([...codes].sort((a, b) => a - b));
    const [first, second] = photos.filter((p) => p.photo_code === 2);
    expect(first?.updated_at).toBe(second?.created_at);
    expect((await pave.sessions.get(key)).status).toBe('PROCESS');
  });
});
