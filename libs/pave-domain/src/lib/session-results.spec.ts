import { buildPhoto, buildSession } from '../testing.js';
import { SessionResults, toSessionResults } from './session-results.js';
import { SessionStatus } from './session.js';

const complete = buildSession({
  status: 'COMPLETE',
  inspect_started_at: '2021-05-27T07:36:00+00:00',
  inspect_ended_at: '2021-05-27T07:41:30+00:00',
});
const photos = [
  buildPhoto({ photo_code: 1, created_at: '2021-05-27T07:36:16+00:00', updated_at: '2021-05-27T07:36:18+00:00' }),
  buildPhoto({ photo_code: 2, created_at: '2021-05-27T07:40:00+00:00', updated_at: '2021-05-27T07:40:02+00:00' }),
];

describe('toSessionResults', () => {
  it('builds the SESSION:COMPLETE document: the session with durations and source, its vehicle, its photos', () => {
    const result = toSessionResults(complete, photos, 'dealer');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(SessionResults.parse(result.value)).toEqual(result.value);
    expect(Object.keys(result.value)).toEqual(['event', 'session', 'vehicle', 'photos']);
    expect(result.value.session).toMatchObject({
      ...complete,
      capture_duration: 224,
      inspect_duration: 314,
      source: { type: 'api', properties: { api_name: 'dealer' } },
    });
    expect(result.value.vehicle).toBe(complete.vehicle);
    expect(result.value.photos).toEqual(photos);
  });

  it.each(SessionStatus.options.filter((status) => status !== 'COMPLETE'))('is refused while %s', (status) => {
    expect(toSessionResults(buildSession({ status }), photos, 'dealer')).toEqual({
      ok: false,
      error: { code: 'session_not_completed', sessionKey: 'DEM-0123456789' },
    });
  });
});
