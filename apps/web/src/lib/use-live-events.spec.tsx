import type { StreamState } from '@pave/client';
import { WebhookEventBody, type LiveEvent } from '@pave/domain';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useLiveEvents, type OpenEvents } from './use-live-events.js';

const event = (id: string): LiveEvent => ({
  id,
  body: WebhookEventBody.parse({
    event: 'SESSION:STATUS_CHANGE',
    seq: Number(id),
    session_key: 'ACM-0000000001',
    status: 'STARTED',
    previous_status: 'IDLE',
  }),
});

/** An event stream the test drives: `push` an event, `state` a connection state, `end` or `fail` it. */
function scriptedStream() {
  const queue: ((value: IteratorResult<LiveEvent, void>) => void)[] = [];
  const pending: IteratorResult<LiveEvent, void>[] = [];
  let fail: (error: Error) => void = () => undefined;
  let onState: (state: StreamState) => void = () => undefined;
  let signal: AbortSignal | null = null;
  const deliver = (result: IteratorResult<LiveEvent, void>) => {
    const waiter = queue.shift();
    if (waiter) waiter(result);
    else pending.push(result);
  };
  const open: OpenEvents = (options) => {
    onState = options.onState;
    signal = options.signal;
    async function* generate(): AsyncGenerator<LiveEvent, void, undefined> {
      for (;;) {
        const next =
          pending.shift() ??
          (await new Promise<IteratorResult<LiveEvent, void>>((resolve, reject) => {
            queue.push(resolve);
            fail = reject;
          }));
        if (next.done) return;
        yield next.value;
      }
    }
    return generate();
  };
  return {
    open,
    state: (state: StreamState) => onState(state),
    push: (id: string) => deliver({ done: false, value: event(id) }),
    end: () => deliver({ done: true, value: undefined }),
    fail: (error: Error) => fail(error),
    aborted: () => signal?.aborted ?? false,
  };
}

describe('useLiveEvents', () => {
  it('updates once the stream opens and on every event, and says so; ends with the stream', async () => {
    const stream = scriptedStream();
    const onUpdate = jest.fn();
    const { result } = renderHook(() => useLiveEvents('ACM-0000000001', stream.open, onUpdate));
    expect(result.current).toBe('connecting');
    act(() => stream.state('open'));
    expect([result.current, onUpdate.mock.calls.length]).toEqual(['streaming', 1]);
    await act(async () => stream.push('1'));
    await waitFor(() => expect(onUpdate).toHaveBeenCalledTimes(2));
    act(() => stream.state('reconnecting'));
    expect(result.current).toBe('polling');
    await act(async () => stream.end());
    await waitFor(() => expect(result.current).toBe('ended'));
  });

  it('falls back to polling when the stream cannot be had, and closes it on unmount', async () => {
    const stream = scriptedStream();
    const { result, unmount } = renderHook(() => useLiveEvents('ACM-0000000001', stream.open, () => undefined));
    await act(async () => stream.fail(new Error('404')));
    await waitFor(() => expect(result.current).toBe('polling'));
    unmount();
    expect(stream.aborted()).toBe(true);
  });
});
