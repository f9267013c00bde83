import { captureTokenHeader, parseCaptureUrl, type SessionKey } from '@pave/domain';
import { call } from '../testing/http-call.js';
import { newSession } from '../testing/repository-fixtures.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { describeEachBackend } from '../testing/test-backends.js';
import { testSecretBox } from '../testing/test-server.js';
import { backfillCaptureTokens } from './backfill-capture-tokens.js';

describeEachBackend('backfillCaptureTokens', (backend) => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp(backend.storage.create, new Date('2026-03-01T10:00:00Z'));
  });
  afterEach(() => stopTestApp(app));

  it('gives each session made before capture tokens its own link; the key alone no longer opens it', async () => {
    const account = await app.repo.accounts.findByApiKey(app.acme.apiKey);
    const keys = ['ACM-OLD0000001', 'ACM-OLD0000002'] as SessionKey[];
    for (const key of keys)
      await app.repo.sessions.insert(newSession(account?.id ?? -1, key, Date.now(), { captureToken: null }));

    expect(await backfillCaptureTokens(app.repo.sessions, testSecretBox)).toBe(2);
    expect(await backfillCaptureTokens(app.repo.sessions, testSecretBox)).toBe(0);

    const keyAlone = await call(app.server.baseUrl, 'GET', `/v1/capture/${keys[0]}`);
    expect(keyAlone.status).toBe(404);
    const read = await call(app.server.baseUrl, 'GET', `/v1/sessions/${keys[0]}`, {
      credentials: app.acme,
      at: app.clock.now,
    });
    const link = parseCaptureUrl((read.json as { capture_url: string }).capture_url);
    expect(link?.sessionKey).toBe(keys[0]);
    const opened = await call(app.server.baseUrl, 'GET', `/v1/capture/${keys[0]}`, {
      headers: { [captureTokenHeader]: link?.token ?? '' },
    });
    expect(opened.status).toBe(200);
  });
});
