import type { Result } from '@pave/domain';
import type { EventNotice, EventNotices } from '../storage/event-notices.js';

/** How many event streams may be open at once. */
export type StreamLimits = {
  /** Per account, on this instance. */
  readonly perAccount: number;
  /** On this instance, all accounts together. */
  readonly perInstance: number;
};

/** What a stream follows: one session of an account, or all of them (`sessionKey` null). */
export type StreamScope = { readonly accountId: number; readonly sessionKey: string | null };

/** What the hub calls on a stream. */
export type StreamHandlers = {
  /** Something in scope was recorded (a notice), or may have been (null: notices were lost, read again). */
  readonly wake: (notice: EventNotice | null) => void;
  /** The instance is shutting down: end the stream now. */
  readonly close: () => void;
};

/** A refused stream: which cap it would exceed. */
export type StreamRefusal = { readonly code: 'too_many_streams'; readonly limit: 'account' | 'instance' };

/** An admitted stream; `release` when it ends (twice is harmless). */
export type StreamAdmission = { readonly release: () => void };

type Subscriber = StreamScope & StreamHandlers;

/**
 * The event streams held by this instance: admits them within the caps, tells each about the notices in its scope
 * (from this instance's writes, and on PostgreSQL from every instance's), and closes them all on shutdown.
 */
export function createStreamHub(notices: EventNotices, limits: StreamLimits) {
  const byAccount = new Map<number, Set<Subscriber>>();
  let open = 0;
  let listening: (() => void) | null = null;

  const notice = (received: EventNotice) => {
    for (const subscriber of byAccount.get(received.accountId) ?? []) {
      if (subscriber.sessionKey === null || subscriber.sessionKey === received.sessionKey) subscriber.wake(received);
    }
  };
  const reset = () => {
    for (const subscribers of byAccount.values()) for (const subscriber of subscribers) subscriber.wake(null);
  };

  return {
    /** Admits a stream within the caps, or says which cap it would exceed. */
    admit(scope: StreamScope, handlers: StreamHandlers): Result<StreamAdmission, StreamRefusal> {
      const own = byAccount.get(scope.accountId) ?? new Set<Subscriber>();
      if (open >= limits.perInstance) return { ok: false, error: { code: 'too_many_streams', limit: 'instance' } };
      if (own.size >= limits.perAccount) return { ok: false, error: { code: 'too_many_streams', limit: 'account' } };
      listening ??= notices.subscribe({ notice, reset });
      const subscriber: Subscriber = { ...scope, ...handlers };
      own.add(subscriber);
      byAccount.set(scope.accountId, own);
      open += 1;
      let released = false;
      return {
        ok: true,
        value: {
          release: () => {
            if (released) return;
            released = true;
            open -= 1;
            own.delete(subscriber);
            if (own.size === 0 && byAccount.get(scope.accountId) === own) byAccount.delete(scope.accountId);
          },
        },
      };
    },
    /** Resolves once notices are heard (see {@link EventNotices.ready}). */
    ready: () => notices.ready(),
    /** How many streams are open on this instance. */
    get size() {
      return open;
    },
    /** Closes every open stream (SIGTERM); returns how many there were. */
    closeAll(): number {
      const all = [...byAccount.values()].flatMap((subscribers) => [...subscribers]);
      for (const subscriber of all) subscriber.close();
      return all.length;
    },
    /** Stops hearing notices. */
    stop(): void {
      listening?.();
      listening = null;
    },
  };
}

/** The stream hub. */
export type StreamHub = ReturnType<typeof createStreamHub>;
