import { SessionProgress, type SessionStatus } from '@pave/domain';
import { isCaptureSettled, nextPollInterval, waitForCapture } from './wait-for-capture.js';

function buildProgress(status: SessionStatus, complete = false): SessionProgress {
  return SessionProgress.parse({
    session_key: 'DEM-0123456789',
    status,
    complete,
    next_step: complete ? null : { step: 1, photo_code: 1, photo_label: 'VIN' },
    steps: [],
  });
}

function scriptedClient(answers: readonly SessionProgress[]) {
  const calls: string[] = [];
  const progress = jest.fn(async (key: string) => {
    calls.push(key);
    const answer = answers[Math.min(calls.length, answers.length) - 1];
    if (!answer) throw new Error('invariant: scriptedClient needs at least one answer');
    return answer;
  });
  return { client: { sessions: { progress } }, calls };
}

const fast = { intervalMs: 1, maxIntervalMs: 4 };

describe('nextPollInterval', () => {
  it.each([
    [1000, false, 2000],
    [4000, false, 5000],
    [5000, false, 5000],
    [4000, true, 1000],
  ])('after %i ms, changed=%s, waits %i ms', (current, changed, expected) => {
    expect(nextPollInterval(current, changed, { intervalMs: 1000, maxIntervalMs: 5000 })).toBe(expected);
  });
});

describe('isCaptureSettled', () => {
  it.each<[SessionStatus, boolean, boolean]>([
    ['PROCESS', false, false],
    ['PROCESS', true, true],
    ['QC_PASSED', true, true],
    ['EXPIRED', false, true],
    ['INVALID', false, true],
    ['COMPLETE', false, true],
  ])('%s with complete=%s is settled: %s', (status, complete, expected) => {
    expect(isCaptureSettled(buildProgress(status, complete))).toBe(expected);
  });
});

describe('waitForCapture', () => {
  it('polls until the capture is complete and returns the last progress', async () => {
    const done = buildProgress('QC_PASSED', true);
    const { client, calls } = scriptedClient([buildProgress('STARTED'), buildProgress('PROCESS'), done]);

    const result = await waitForCapture(client, 'DEM-0123456789', fast);

    expect(result).toBe(done);
    expect(calls).toEqual(['DEM-0123456789', 'DEM-0123456789', 'DEM-0123456789']);
  });

  it('stops at a terminal status even when the capture is incomplete', async () => {
    const { client, calls } = scriptedClient([buildProgress('PROCESS'), buildProgress('EXPIRED')]);

    const result = await waitForCapture(client, 'DEM-0123456789', fast);

    expect(result.status).toBe('EXPIRED');
    expect(calls).toHaveLength(2);
  });

  it('reports the first progress and each change, not the unchanged polls', async () => {
    const started = buildProgress('STARTED');
    const answers = [started, started, started, buildProgress('PROCESS'), buildProgress('COMPLETE')];
    const { client } = scriptedClient(answers);
    const seen: SessionStatus[] = [];

    await waitForCapture(client, 'DEM-0123456789', { ...fast, onProgress: (p) => seen.push(p.status) });

    expect(seen).toEqual(['STARTED', 'PROCESS', 'COMPLETE']);
  });

  it('doubles the pause while nothing changes, up to the cap, and resets it after a change', async () => {
    const started = buildProgress('STARTED');
    const answers = [started, started, started, started, buildProgress('PROCESS'), buildProgress('COMPLETE')];
    const { client } = scriptedClient(answers);
    const setTimeoutSpy = jest.spyOn(globalThis, 'setTimeout');

    await waitForCapture(client, 'DEM-0123456789', { intervalMs: 1, maxIntervalMs: 4 });

    expect(setTimeoutSpy.mock.calls.map(([, ms]) => ms)).toEqual([1, 2, 4, 4, 1]);
    setTimeoutSpy.mockRestore();
  });

  it('rejects with the reason when aborted between polls', async () => {
    const controller = new AbortController();
    const reason = new Error('left the page');
    const { client, calls } = scriptedClient([buildProgress('PROCESS')]);
    const options = { intervalMs: 60_000, signal: controller.signal, onProgress: () => controller.abort(reason) };

    await expect(waitForCapture(client, 'DEM-0123456789', options)).rejects.toBe(reason);
    expect(calls).toHaveLength(1);
  });

  it('passes the signal to each poll', async () => {
    const controller = new AbortController();
    const { client } = scriptedClient([buildProgress('COMPLETE')]);

    await waitForCapture(client, 'DEM-0123456789', { signal: controller.signal });

    expect(client.sessions.progress).toHaveBeenCalledWith('DEM-0123456789', { signal: controller.signal });
  });
});
