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
