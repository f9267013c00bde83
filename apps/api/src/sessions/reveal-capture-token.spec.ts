// The token of a capture link goes back into `SESSION:COMPLETE` only through the session's sealed copy: with the key
// that sealed it, the link is whole again; with a lost key (another `PAVE_SECRET_KEY`, nothing previous configured),
// the event still goes out, its link without the token, and nothing throws.
import { createPaveClient, type PaveClient } from '@pave/client';
import { CompletePayload, parseCaptureUrl } from '@pave/domain';
import { createEphemeralSecretBox } from '../secrets/secret-box.js';
import type { SessionEventRow } from '../storage/repository.js';
import { captureWholeSession } from '../testing/scripted-capture.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { testSecretBox } from '../testing/test-secret-box.js';
import { describeEachStorage } from '../testing/test-storage.js';
import { createCaptureTokenReveal } from './reveal-capture-token.js';

const linkOf = (row: SessionEventRow): string => CompletePayload.parse(row.payload).session.capture_url;

describeEachStorage('createCaptureTokenReveal', (kind) => {
  let app: TestApp;
  let pave: PaveClient;

  beforeEach(async () => {
    app = await startTestApp(kind.create, new Date('2026-03-01T10:00:00Z'));
    pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read, retry: { limit: 0 } });
  }, 30_000);
  afterEach(() => stopTestApp(app));

  /** A session captured to COMPLETE: its link as created, and its stored events. */
  async function completed(): Promise<{ link: string; events: SessionEventRow[] }> {
    const session = await pave.sessions.create({ session: { reference: { claim: 'C-21' } } });
    expect((await captureWholeSession(pave.capture(session.capture_url), 4000)).status).toBe('COMPLETE');
    const row = await app.repo.sessions.findByKey(session.session_key, 'any');
    return { link: session.capture_url, events: await app.repo.events.listForSession(row?.id ?? -1) };
  }

  it('puts the token back with the key that sealed it, and leaves other events as they are', async () => {
    const { link, events } = await completed();
    const reveal = createCaptureTokenReveal(app.repo.sessions, testSecretBox);
    const complete = events.find((event) => event.event === 'SESSION:COMPLETE');
    const other = events.find((event) => event.event !== 'SESSION:COMPLETE');
    if (!complete || !other) throw new Error('the capture recorded no SESSION:COMPLETE or no other event');

    expect(parseCaptureUrl(linkOf(complete))).toBeNull();
    expect(linkOf(await reveal(complete))).toBe(link);
    expect(await reveal(other)).toBe(other);
  });

  it('sends the link without its token when no configured key opens the sealed copy (a lost key)', async () => {
    const { link, events } = await completed();
    const complete = events.find((event) => event.event === 'SESSION:COMPLETE');
    if (!complete) throw new Error('the capture recorded no SESSION:COMPLETE');
    const lostKey = createCaptureTokenReveal(app.repo.sessions, createEphemeralSecretBox());

    const revealed = await lostKey(complete);

    expect(revealed).toEqual(complete);
    expect(link.startsWith(linkOf(revealed))).toBe(true);
    expect(parseCaptureUrl(linkOf(revealed))).toBeNull();
    expect(parseCaptureUrl(link)?.token).toMatch(/\S{20,}/);
  });
});
