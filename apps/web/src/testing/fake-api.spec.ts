import { createCaptureClient, PaveApiError, PaveNetworkError, PaveNotFoundError } from '@pave/client';
import { neededCodes, skipErrorMessage } from '@pave/domain';
import { buildSession } from '@pave/domain/testing';
import { fakeApiBaseUrl, fakeCaptureUrl } from './fake-api-answers.js';
import { createFakeApi } from './fake-api.js';
import { createTestClient } from './render-app.js';

const key = 'DEM-0123456789';

describe('createFakeApi', () => {
  it('refuses a signed route without auth headers or a session cookie, as the API does', async () => {
    const api = createFakeApi({ signedIn: null });

    const answer = await api.fetch(`${fakeApiBaseUrl}/v1/sessions`);

    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ message: 'Missing API-Key header.', code: 'unauthorized' });
  });

  it('answers an unknown session with PAVE’s bare 404 on its routes and with a code on ours', async () => {
    const client = createTestClient(createFakeApi());

    const pave = await client.sessions.get(key).catch((error: unknown) => error);
    const ours = await client
      .capture(fakeCaptureUrl(key))
      .get()
      .catch((error: unknown) => error);

    expect(pave).toBeInstanceOf(PaveNotFoundError);
    expect((pave as PaveNotFoundError).body).toEqual({ message: `Session ${key} cannot be found.` });
    expect((ours as PaveNotFoundError).body).toEqual({ message: `Session ${key} cannot be found.`, code: 'not_found' });
  });

  it('refuses a skip with the domain’s status and message', async () => {
    const api = createFakeApi({ sessions: [{ session: buildSession({ session_key: key, status: 'STARTED' }) }] });

    const refused = await createCaptureClient({ captureUrl: fakeCaptureUrl(key), fetch: api.fetch })
      .skip(4)
      .catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(PaveApiError);
    expect((refused as PaveApiError).status).toBe(409);
    expect((refused as PaveApiError).body).toEqual({
      message: skipErrorMessage({ code: 'needed_images_missing', missing: neededCodes }),
      code: 'needed_images_missing',
    });
    expect(api.session(key)?.status).toBe('STARTED');
  });

  it('fails the next calls to a route as told, then answers again', async () => {
    const api = createFakeApi({ sessions: [{ session: buildSession({ session_key: key }) }] });
    const capture = createCaptureClient({ captureUrl: fakeCaptureUrl(key), fetch: api.fetch, retry: { limit: 0 } });
    api.failNext('GET /v1/capture/:key', { network: true });
    api.failNext('GET /v1/capture/:key', { delayMs: 20 });

    await expect(capture.get()).rejects.toBeInstanceOf(PaveNetworkError);
    const started = Date.now();
    await expect(capture.get()).resolves.toMatchObject({ session_key: key, status: 'IDLE' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(api.calls).toEqual([`GET /v1/capture/${key}`, `GET /v1/capture/${key}`]);
  });

  it('answers a capture call without the link’s token, or with a wrong one, with the 404 of an unknown session', async () => {
    const api = createFakeApi({ sessions: [{ session: buildSession({ session_key: key }) }] });
    const wrong = `${fakeApiBaseUrl}/capture/${key}#${'W'.repeat(43)}`;

    const refused = await createCaptureClient({ captureUrl: wrong, fetch: api.fetch })
      .get()
      .catch((e: unknown) => e);

    expect((refused as PaveNotFoundError).body).toEqual({
      message: `Session ${key} cannot be found.`,
      code: 'not_found',
    });
  });
});

describe('the fake API’s event streams', () => {
  const capture = (api: ReturnType<typeof createFakeApi>) =>
    createCaptureClient({ captureUrl: fakeCaptureUrl(key), fetch: api.fetch });

  it('streams a session’s events as the client reads them: the backlog, each new one, then the end', async () => {
    const api = createFakeApi({ sessions: [{ session: buildSession({ session_key: key, status: 'STARTED' }) }] });
    const client = createTestClient(api);
    await capture(api).manual({ photo_code: 1, value: '1HGCM82633A004352' });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of client.sessions.events(key)) {
        seen.push(`${event.id} ${event.body.event}`);
        if (seen.length === 2) await client.sessions.invalidate(key, 'Wrong vehicle');
      }
    })();

    await reading;

    expect(seen).toEqual(['1 SESSION:STAGE_CHANGE', '2 SESSION:STATUS_CHANGE', '3 SESSION:STATUS_CHANGE']);
  });

  it('resumes after Last-Event-ID without gaps, and numbers the account’s stream across sessions', async () => {
    const other = 'DEM-0000000002';
    const api = createFakeApi({
      sessions: [
        { session: buildSession({ session_key: key, status: 'STARTED' }) },
        { session: buildSession({ session_key: other, status: 'STARTED' }) },
      ],
    });
    const client = createTestClient(api);
    await capture(api).manual({ photo_code: 1, value: '1HGCM82633A004352' });
    await client.sessions.notes.add(other, 'Call the driver');
    const controller = new AbortController();
    const all: string[] = [];
    for await (const event of client.sessions.allEvents({ signal: controller.signal, lastEventId: '1' })) {
      all.push(`${event.id} ${event.body.event} ${event.body.session_key}`);
      if (all.length === 2) break;
    }

    expect(all).toEqual([`2 SESSION:STATUS_CHANGE ${key}`, `3 SESSION:NOTE_INSERT ${other}`]);
  });

  it('ends a terminal session’s stream after its events, with SESSION:COMPLETE carrying the results', async () => {
    const complete = buildSession({ session_key: key, status: 'QC_PASSED' });
    const api = createFakeApi({ sessions: [{ session: complete }] });
    await capture(api).confirm();
    const events = [];
    for await (const event of createTestClient(api).sessions.events(key)) events.push(event.body);

    expect(events.map((body) => body.event)).toEqual(['SESSION:STATUS_CHANGE', 'SESSION:COMPLETE']);
    expect(events[1]).toMatchObject({ session: { session_key: key, status: 'COMPLETE' }, seq: 2 });
  });
});
