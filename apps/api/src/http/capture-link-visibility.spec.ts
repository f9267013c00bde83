import { withoutCaptureToken, withoutNestedToken, withoutSessionToken } from './capture-link-visibility.js';

const link = 'https://pave.example.com/capture/ACM-4Q7ZK2M9TX#k3Vt9-R2pLq0XyZ8aB4cD6eF';
const bare = 'https://pave.example.com/capture/ACM-4Q7ZK2M9TX';

describe('capture link visibility', () => {
  it('drops the token (the fragment) of a capture link, and leaves a link without one as is', () => {
    expect([withoutCaptureToken(link), withoutCaptureToken(bare)]).toEqual([bare, bare]);
  });

  it('strips the token of a session object, and of the session in a results document or COMPLETE body', () => {
    expect(withoutSessionToken({ session_key: 'k', capture_url: link })).toEqual({
      session_key: 'k',
      capture_url: bare,
    });
    const complete = {
      event: 'SESSION:COMPLETE',
      seq: 9,
      session: { status: 'COMPLETE', capture_url: link },
      photos: [],
    };
    expect(withoutNestedToken(complete)).toEqual({ ...complete, session: { status: 'COMPLETE', capture_url: bare } });
  });

  it('leaves event bodies without a session untouched', () => {
    const note = { event: 'SESSION:NOTE_INSERT', seq: 2, session_key: 'k', note: { id: 1 } };
    expect(withoutNestedToken(note)).toBe(note);
  });
});
