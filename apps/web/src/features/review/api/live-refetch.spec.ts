import { SessionStatus } from '@pave/domain';
import { liveRefetchInterval, liveRefetchMs } from './live-refetch.js';

describe('liveRefetchInterval', () => {
  it.each([
    ['IDLE', liveRefetchMs],
    ['STARTED', liveRefetchMs],
    ['PROCESS', liveRefetchMs],
    ['QC_PASSED', liveRefetchMs],
    ['CONFIRM', liveRefetchMs],
    ['COMPLETE', false],
    ['EXPIRED', false],
    ['INVALID', false],
  ] as const)('polls a %s session: %s', (status, expected) => {
    expect(liveRefetchInterval({ status: 'success', data: { status } })).toBe(expected);
  });

  it('covers every status', () => {
    expect(SessionStatus.options).toHaveLength(8);
  });

  it('polls while the first answer is pending and stops when the first load failed', () => {
    expect(liveRefetchInterval({ status: 'pending', data: undefined })).toBe(2000);
    expect(liveRefetchInterval({ status: 'error', data: undefined })).toBe(false);
  });

  it('keeps polling after a failed refresh of a live session, but not of a finished one', () => {
    expect(liveRefetchInterval({ status: 'error', data: { status: 'PROCESS' } })).toBe(2000);
    expect(liveRefetchInterval({ status: 'error', data: { status: 'COMPLETE' } })).toBe(false);
  });
});
