import fc from 'fast-check';
import {
  checkTimestampFreshness,
  formatApiTimestamp,
  formatWireTimestamp,
  parseApiTimestamp,
  parseWireTimestamp,
  secondsBetween,
  WireTimestamp,
} from './timestamps.js';

const instant = fc.integer({ min: 0, max: 4102444799 }).map((s) => new Date(s * 1000));

describe('wire timestamps', () => {
  it('formats as YYYY-MM-DDTHH:MM:SS+00:00, truncating milliseconds', () => {
    expect(formatWireTimestamp(new Date('2021-05-27T07:36:16.999Z'))).toBe('2021-05-27T07:36:16+00:00');
  });

  it('round-trips whole-second instants', () => {
    fc.assert(
      fc.property(instant, (date) => parseWireTimestamp(formatWireTimestamp(date))?.getTime() === date.getTime()),
    );
  });

  it.each([
    '2021-05-27T07:36:16Z',
    '2021-05-27T07:36:16.000+00:00',
    '2021-05-27 07:36:16+00:00',
    '2021-05-27T07:36:16+01:00',
    '2021-02-30T07:36:16+00:00',
    '2021-05-27T24:00:00+00:00',
    '',
  ])('refuses %p', (text) => {
    expect(WireTimestamp.safeParse(text).success).toBe(false);
  });

  it('counts seconds between two timestamps', () => {
    expect(secondsBetween('2021-05-27T07:36:19+00:00', '2021-05-27T07:36:34+00:00')).toBe(15);
  });
});

describe('parseApiTimestamp', () => {
  const expected = Date.UTC(2021, 4, 30, 12, 49, 19);

  it.each(['2021-05-30T12:49:19Z', '1622378959', 'Sun, 30 May 2021 12:49:19 GMT'])('reads %p', (text) => {
    const result = parseApiTimestamp(text);
    expect(result.ok && result.value.getTime()).toBe(expected);
  });

  it.each([
    '2021-05-30T12:49:19',
    '2021-05-30T12:49:19+00:00',
    '2021-05-30T12:49:19.123Z',
    'Mon, 30 May 2021 12:49:19 GMT',
    'Sun, 30 May 2021 12:49:19 UTC',
    '1622378959.5',
    '-1',
    '2021-13-30T12:49:19Z',
    'yesterday',
    '',
  ])('refuses %p as unreadable', (text) => {
    expect(parseApiTimestamp(text)).toEqual({ ok: false, error: { code: 'unreadable_timestamp' } });
  });

  it('round-trips its own format and Unix seconds', () => {
    fc.assert(
      fc.property(instant, (date) => {
        const iso = parseApiTimestamp(formatApiTimestamp(date));
        const unix = parseApiTimestamp(String(date.getTime() / 1000));
        const rfc = parseApiTimestamp(date.toUTCString());
        return [iso, unix, rfc].every((r) => r.ok && r.value.getTime() === date.getTime());
      }),
    );
  });
});

describe('checkTimestampFreshness', () => {
  const now = new Date('2021-05-30T12:49:19Z');
  it.each([
    [0, true],
    [30, true],
    [-300, true],
    [31, false],
    [299, false],
    [-301, false],
    [86400, false],
  ])('at %i s from now is fresh: %p', (offset, fresh) => {
    const result = checkTimestampFreshness(new Date(now.getTime() + offset * 1000), now);
    expect(result.ok).toBe(fresh);
    if (!result.ok) expect(result.error).toEqual({ code: 'expired_timestamp', skewSeconds: offset });
  });
});
