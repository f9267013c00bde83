import type { StreamState } from '@pave/client';
import type { LiveEvent } from '@pave/domain';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * How a page gets its updates: `connecting` to the event stream, `streaming` (each change arrives within moments),
 * `polling` (the stream failed or is reconnecting: the page polls), or `ended` (the session is final).
 */
export type LiveConnection = 'connecting' | 'streaming' | 'polling' | 'ended';

/** Opens a live event stream (`open` is given a signal and the state callback). */
export type OpenEvents = (options: {
  signal: AbortSignal;
  onState: (state: StreamState) => void;
}) => AsyncGenerator<LiveEvent, void, undefined>;

/**
 * Follows a live event stream while mounted: `onUpdate` with each event, and with null once the stream opens (to
 * catch up with whatever changed before it did). A stream that cannot be had (refused, or a server without streams) leaves the page
 * polling; one that drops polls until it is back. `key` names the stream: a new key opens a new one.
 */
export function useLiveEvents(
  key: string,
  open: OpenEvents,
  onUpdate: (event: LiveEvent | null) => void,
): LiveConnection {
  // the state of the stream of `key`: a new key starts `connecting` without an extra render
  const [current, setCurrent] = useState<{ key: string; connection: LiveConnection }>({
    key,
    connection: 'connecting',
  });
  const latest = useRef({ open, onUpdate });
  useLayoutEffect(() => {
    latest.current = { open, onUpdate };
  });
  useEffect(() => {
    const controller = new AbortController();
    const setConnection = (connection: LiveConnection) => setCurrent({ key, connection });
    const update = (event: LiveEvent | null) => latest.current.onUpdate(event);
    const onState = (state: StreamState) => {
      if (state === 'open') {
        setConnection('streaming');
        update(null);
      } else if (state === 'reconnecting') setConnection('polling');
    };
    const follow = async () => {
      for await (const event of latest.current.open({ signal: controller.signal, onState })) update(event);
      setConnection('ended');
    };
    follow().catch(() => {
      if (!controller.signal.aborted) setConnection('polling');
    });
    return () => controller.abort();
  }, [key]);
  return current.key === key ? current.connection : 'connecting';
}

/** While streaming, a slow safety poll (an unchanged answer is a 304); otherwise the page's own polling. */
export const streamingRefetchMs = 30_000;
