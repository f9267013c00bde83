import { Writable } from 'node:stream';
import { createLogger } from './logger.js';

/** Logs one entry at info and answers the line written. */
function logged(entry: Record<string, unknown>): string {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  createLogger('info', sink).info(entry, 'something happened');
  return lines.join('');
}

const link = 'https://pave.example.test/capture/ACM-AAAAAAAAAA#s3cr3t-capture-token';

describe('the logger', () => {
  it.each([
    ['at the top of an entry', { capture_url: link }],
    ['in an object', { session: { session_key: 'ACM-AAAAAAAAAA', capture_url: link } }],
    ['in an event payload', { event: { event: 'SESSION:COMPLETE', payload: { capture_url: link } } }],
    ['as a token', { delivery: { token: 's3cr3t-capture-token' } }],
    ['as an account secret', { account: { apiSecret: 's3cr3t-capture-token' } }],
    ['as a capture token header', { req: { headers: { 'capture-token': 's3cr3t-capture-token' } } }],
  ])('censors a secret %s', (_where, entry) => {
    const line = logged(entry);

    expect(line).not.toContain('s3cr3t');
    expect(line).toContain('[redacted]');
  });

  it('keeps what is not a secret', () => {
    const line = JSON.parse(logged({ session: { session_key: 'ACM-AAAAAAAAAA', status: 'COMPLETE' } })) as unknown;

    expect(line).toMatchObject({ session: { session_key: 'ACM-AAAAAAAAAA', status: 'COMPLETE' } });
  });
});
