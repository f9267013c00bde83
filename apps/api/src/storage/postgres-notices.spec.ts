import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describeOrSkip, postgresSkipReason, requireTestDatabaseUrl } from '../testing/test-storage.js';
import type { EventNotice, EventNotices } from './event-notices.js';
import { createPostgresNotices, listenerNameOf, noticeChannelOf } from './postgres-notices.js';

async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeOrSkip(postgresSkipReason, 'createPostgresNotices [postgres]', () => {
  let admin: pg.Client;
  let notices: EventNotices;
  const schema = `pave_test_notices_${randomBytes(4).toString('hex')}`;
  const heard: EventNotice[] = [];
  let resets = 0;

  const notify = (channel: string, payload: string) =>
    admin.query('select pg_notify($1, $2)', [channel, payload]).then(() => undefined);

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: requireTestDatabaseUrl() });
    await admin.connect();
    notices = createPostgresNotices({ connectionString: requireTestDatabaseUrl(), schema, retryMs: 20 });
    notices.subscribe({ notice: (notice) => heard.push(notice), reset: () => (resets += 1) });
    await notices.ready();
  });
  afterAll(async () => {
    await notices.close();
    await admin.end();
  });

  it("hears its schema's channel only, and skips unreadable payloads", async () => {
    await notify(noticeChannelOf('pave_test_another_schema'), '{"a":1,"k":"ACM-0000000001","s":1}');
    await notify(noticeChannelOf(schema), 'not json');
    await notify(noticeChannelOf(schema), '{"a":"x","k":"ACM-0000000001","s":1}');
    await notify(noticeChannelOf(schema), '{"a":7,"k":"ACM-0000000001","s":2}');
    await eventually(() => heard.length > 0);
    expect(heard).toEqual([{ accountId: 7, sessionKey: 'ACM-0000000001', seq: 2 }]);
  });

  it('reconnects after its connection is killed, tells listeners to reset, and hears again', async () => {
    const { rowCount } = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
      [listenerNameOf(schema)],
    );
    expect(rowCount).toBe(1);
    await eventually(() => resets > 0);
    await notices.ready();
    heard.length = 0;
    await notify(noticeChannelOf(schema), '{"a":7,"k":"ACM-0000000001","s":3}');
    await eventually(() => heard.length > 0);
    expect(heard).toEqual([{ accountId: 7, sessionKey: 'ACM-0000000001', seq: 3 }]);
  });
});
