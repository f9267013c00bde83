import { createNoticeFanOut, type EventNotice, type EventNotices } from '../storage/event-notices.js';
import { createStreamHub, type StreamHandlers } from './stream-hub.js';

function fakeNotices() {
  const fanOut = createNoticeFanOut();
  const notices: EventNotices = {
    subscribe: fanOut.subscribe,
    ready: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return { notices, fanOut };
}

function recorder() {
  const woken: (EventNotice | null)[] = [];
  let closed = 0;
  const handlers: StreamHandlers = { wake: (notice) => woken.push(notice), close: () => (closed += 1) };
  return { handlers, woken, closed: () => closed };
}

const notice = (accountId: number, sessionKey: string, seq: number): EventNotice => ({ accountId, sessionKey, seq });

describe('createStreamHub', () => {
  it('wakes the streams whose scope a notice is in: the session, or the whole account', () => {
    const { notices, fanOut } = fakeNotices();
    const hub = createStreamHub(notices, { perAccount: 10, perInstance: 10 });
    const session = recorder();
    const account = recorder();
    const otherSession = recorder();
    const otherAccount = recorder();
    hub.admit({ accountId: 1, sessionKey: 'ACM-0000000001' }, session.handlers);
    hub.admit({ accountId: 1, sessionKey: null }, account.handlers);
    hub.admit({ accountId: 1, sessionKey: 'ACM-0000000002' }, otherSession.handlers);
    hub.admit({ accountId: 2, sessionKey: null }, otherAccount.handlers);
    fanOut.notice(notice(1, 'ACM-0000000001', 3));
    expect([session.woken, account.woken, otherSession.woken, otherAccount.woken]).toEqual([
      [notice(1, 'ACM-0000000001', 3)],
      [notice(1, 'ACM-0000000001', 3)],
      [],
      [],
    ]);
    fanOut.reset();
    expect([session.woken.at(-1), otherAccount.woken]).toEqual([null, [null]]);
  });

  it('refuses over the per-account cap, then the per-instance cap, and admits again after a release', () => {
    const hub = createStreamHub(fakeNotices().notices, { perAccount: 2, perInstance: 3 });
    const scope = { accountId: 1, sessionKey: null };
    const first = hub.admit(scope, recorder().handlers);
    expect(hub.admit(scope, recorder().handlers).ok).toBe(true);
    expect(hub.admit(scope, recorder().handlers)).toEqual({
      ok: false,
      error: { code: 'too_many_streams', limit: 'account' },
    });
    expect(hub.admit({ accountId: 2, sessionKey: null }, recorder().handlers).ok).toBe(true);
    expect(hub.admit({ accountId: 3, sessionKey: null }, recorder().handlers)).toEqual({
      ok: false,
      error: { code: 'too_many_streams', limit: 'instance' },
    });
    if (!first.ok) throw new Error('the first stream was refused');
    first.value.release();
    first.value.release();
    expect(hub.size).toBe(2);
    expect(hub.admit(scope, recorder().handlers).ok).toBe(true);
  });

  it('no longer wakes a released stream, and closes the open ones on closeAll', () => {
    const { notices, fanOut } = fakeNotices();
    const hub = createStreamHub(notices, { perAccount: 10, perInstance: 10 });
    const gone = recorder();
    const kept = recorder();
    const admitted = hub.admit({ accountId: 1, sessionKey: null }, gone.handlers);
    hub.admit({ accountId: 1, sessionKey: null }, kept.handlers);
    if (admitted.ok) admitted.value.release();
    fanOut.notice(notice(1, 'ACM-0000000001', 1));
    expect([gone.woken.length, kept.woken.length]).toEqual([0, 1]);
    expect(hub.closeAll()).toBe(1);
    expect([gone.closed(), kept.closed()]).toEqual([0, 1]);
  });

  it('subscribes to notices with the first stream only, and stops on stop()', () => {
    const { notices, fanOut } = fakeNotices();
    const hub = createStreamHub(notices, { perAccount: 10, perInstance: 10 });
    expect(fanOut.size).toBe(0);
    hub.admit({ accountId: 1, sessionKey: null }, recorder().handlers);
    hub.admit({ accountId: 1, sessionKey: null }, recorder().handlers);
    expect(fanOut.size).toBe(1);
    hub.stop();
    expect(fanOut.size).toBe(0);
  });
});
