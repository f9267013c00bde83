import pg from 'pg';
import { createNoticeFanOut, parseNotice, type EventNotices } from './event-notices.js';

/** The NOTIFY channel of a schema's events: one per schema, so that schemas sharing a database never mix. */
export function noticeChannelOf(schema: string): string {
  return `pave_events.${schema}`;
}

/** The `application_name` of the listening connection (in `pg_stat_activity`): at most 63 characters. */
export function listenerNameOf(schema: string): string {
  return `pave-notices ${schema}`.slice(0, 63);
}

/** Where to listen, and what to tell about a lost connection. */
export type PostgresNoticesOptions = {
  readonly connectionString: string;
  /** The schema whose events are heard (the repository's current schema). */
  readonly schema: string;
  /** Told each time the listening connection fails (it is reopened, with backoff). */
  readonly onError?: (error: Error) => void;
  /** The first wait before reconnecting; doubled up to 5 s. Default 100 ms. */
  readonly retryMs?: number;
};

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Notices from every instance on one PostgreSQL database: a trigger on the events table NOTIFYs at commit, and one
 * dedicated connection per instance LISTENs (a pooled connection cannot: the pool hands it to others). The
 * connection is opened on the first subscription and reopened, with backoff, when lost; after a reconnect,
 * listeners are told to `reset` (notices sent meanwhile are gone, the events are not).
 */
export function createPostgresNotices(options: PostgresNoticesOptions): EventNotices {
  const fanOut = createNoticeFanOut();
  const channel = noticeChannelOf(options.schema);
  const firstRetryMs = options.retryMs ?? 100;
  let retryMs = firstRetryMs;
  let retryTimer: NodeJS.Timeout | null = null;
  let closed = false;
  let heardBefore = false;
  /** The connection being opened or open, and the promise that it listens. */
  let current: { client: pg.Client; listening: Promise<void> } | null = null;

  const scheduleReconnect = () => {
    if (closed || retryTimer || fanOut.size === 0) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().catch(() => undefined);
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, 5000);
  };

  const open = async (client: pg.Client): Promise<void> => {
    await client.connect();
    await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    retryMs = firstRetryMs;
    // anything recorded while no connection listened was not heard: every reader reads again
    if (heardBefore) fanOut.reset();
    heardBefore = true;
  };

  const connect = (): Promise<void> => {
    if (closed) return Promise.reject(new Error('the notices are closed'));
    if (current) return current.listening;
    const client = new pg.Client({
      connectionString: options.connectionString,
      connectionTimeoutMillis: 2000,
      application_name: listenerNameOf(options.schema),
    });
    const lost = (error: unknown) => {
      if (current?.client !== client) return;
      current = null;
      options.onError?.(asError(error));
      client.end().catch(() => undefined);
      scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('the PostgreSQL listening connection ended')));
    client.on('notification', (message) => {
      if (message.channel !== channel || message.payload === undefined) return;
      const notice = parseNotice(message.payload);
      if (notice) fanOut.notice(notice);
    });
    const listening = open(client).catch((error: unknown) => {
      lost(error);
      throw asError(error);
    });
    current = { client, listening };
    return listening;
  };

  return {
    subscribe(listener) {
      const unsubscribe = fanOut.subscribe(listener);
      connect().catch(() => undefined);
      return unsubscribe;
    },
    ready: connect,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const client = current?.client;
      current = null;
      await client?.end().catch(() => undefined);
    },
  };
}
