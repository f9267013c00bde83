// The dispatcher is woken by this instance's commits only when one queued a delivery: an event no callback wants
// costs no claim query, and one that a callback wants is sent at once, long before the next poll.
import { createPaveClient, type PaveClient } from '@pave/client';
import { createLogger } from '../logger.js';
import type { DeliveryStore, Repository } from '../storage/repository.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { startTestReceiver, type TestReceiver } from '../testing/test-receiver.js';
import { testSecretBox } from '../testing/test-secret-box.js';
import { describeEachStorage } from '../testing/test-storage.js';
import { startDispatcher, type Dispatcher } from './dispatcher.js';

describeEachStorage('dispatcher wake-ups', (kind) => {
  let app: TestApp;
  let pave: PaveClient;
  let receiver: TestReceiver;
  let dispatcher: Dispatcher;
  let claims = 0;

  /** The app's repository, counting the dispatcher's claim queries. */
  function countingClaims(repo: Repository): Repository {
    const deliveries: DeliveryStore = {
      ...repo.deliveries,
      claimDue: (options) => {
        claims += 1;
        return repo.deliveries.claimDue(options);
      },
    };
    return { ...repo, deliveries };
  }

  beforeEach(async () => {
    app = await startTestApp(kind.create, new Date('2026-03-01T10:00:00Z'), { server: { webhookAllowPrivate: true } });
    pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read, retry: { limit: 0 } });
    receiver = await startTestReceiver();
    // a callback for status changes only: a note's event queues no delivery
    await pave.callbacks.create({ event: 'SESSION:STATUS_CHANGE', url: receiver.url });
    claims = 0;
    dispatcher = startDispatcher({
      repo: countingClaims(app.repo),
      logger: createLogger('silent'),
      secretBox: testSecretBox,
      settings: {
        retrySchedule: [60],
        allowPrivate: true,
        timeoutMs: 2000,
        leaseMs: 5000,
        concurrency: 4,
        perHost: 4,
        pollMs: 600_000,
      },
    });
  });
  afterEach(async () => {
    await dispatcher.stop();
    await receiver.close();
    await stopTestApp(app);
  });

  it('claims nothing for an event without a callback, and sends one with a callback at once', async () => {
    const session = await pave.sessions.create({});
    // the dispatcher claimed once as it started (nothing was due); a wake-up claims at once, before the answer
    const afterStart = claims;
    expect(afterStart).toBe(1);

    await pave.sessions.notes.add(session.session_key, 'Scratch on the rear bumper');
    await pave.sessions.notes.add(session.session_key, 'Second look: only dirt');

    expect(claims).toBe(afterStart);

    await pave.capture(session.capture_url).start();
    const [sent] = await receiver.waitFor(1, 10_000);

    expect(claims).toBeGreaterThan(afterStart);
    expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({ event: 'SESSION:STATUS_CHANGE' });
  });
});
