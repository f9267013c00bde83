import { buildPaveCreateBody } from '../testing.js';
import { SessionReference } from './session-fields.js';
import { CreateSessionRequest, UpdateSessionRequest } from './session-request.js';

// PAVE's documented create body (contract section 1), as its samples spell it
const paveSample = buildPaveCreateBody();

function issuesOf(body: unknown): string {
  const result = CreateSessionRequest.safeParse(body);
  expect(result.success).toBe(false);
  return JSON.stringify(result.error?.issues);
}

describe('CreateSessionRequest', () => {
  it.each([{}, { session: {} }, { vehicle: {} }])('accepts the empty body %p', (body) => {
    expect(CreateSessionRequest.parse(body)).toEqual(body);
  });

  it("accepts PAVE's sample body, year and odometer reading as numbers", () => {
    const parsed = CreateSessionRequest.parse(paveSample);
    expect(parsed.vehicle).toMatchObject({ year: 2019, odom_reading: 100945, odom_unit: 'KILOMETRES' });
    expect(parsed.session).toEqual(paveSample.session);
    expect(parsed.sms).toEqual(paveSample.sms);
  });

  it.each<[unknown, number]>([
    [2019, 2019],
    ['2019', 2019],
    [' 2019 ', 2019],
  ])('reads the year %p as %p', (year, expected) => {
    expect(CreateSessionRequest.parse({ vehicle: { year } }).vehicle?.year).toBe(expected);
  });

  it.each<[unknown, number]>([
    [100945, 100945],
    ['100945', 100945],
    ['100,945', 100945],
    ['100.945', 100945],
    ['1 000 000', 1000000],
    [0, 0],
  ])('reads the odometer reading %p as %p', (odom_reading, expected) => {
    expect(CreateSessionRequest.parse({ vehicle: { odom_reading } }).vehicle?.odom_reading).toBe(expected);
  });

  it('upper-cases a VIN', () => {
    expect(CreateSessionRequest.parse({ vehicle: { vin: 'jn1cv6ar9bm123456' } }).vehicle?.vin).toBe(
      'JN1CV6AR9BM123456',
    );
  });

  it.each([
    [{ theme: 'PRO' }, [], 'theme'],
    [{ client_id: 'x' }, [], 'client_id'],
    [{ session: { colour: 'red' } }, ['session'], 'colour'],
    [{ vehicle: { wheels: 4 } }, ['vehicle'], 'wheels'],
    [{ sms: { to: '+15550100', cc: 'x' } }, ['sms'], 'cc'],
    [{ session: { contact: { first_name: 'A', last_name: 'B', phone: '1' } } }, ['session', 'contact'], 'phone'],
  ])('refuses the unknown key in %p, naming it', (body, path, key) => {
    const issues = CreateSessionRequest.safeParse(body).error?.issues;
    expect(issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', path, keys: [key] })]);
  });

  it.each([
    [{ session: { theme: 'ULTRA' } }, 'theme'],
    [{ session: { language: 'en' } }, 'language'],
    [{ session: { redirect_url: 'javascript:alert(1)' } }, 'redirect_url'],
    [{ session: { contact: { first_name: 'Ada' } } }, 'last_name'],
    [{ vehicle: { vin: 'JN1CV6AR9BM12345O' } }, 'vin'],
    [{ vehicle: { year: '19' } }, 'year'],
    [{ vehicle: { year: '2019a' } }, 'year'],
    [{ vehicle: { year: 2019.5 } }, 'year'],
    [{ vehicle: { odom_reading: '-5' } }, 'odom_reading'],
    [{ vehicle: { odom_reading: '12,34' } }, 'odom_reading'],
    [{ vehicle: { odom_reading: 10_000_000 } }, 'odom_reading'],
    [{ vehicle: { odom_unit: 'FURLONGS' } }, 'odom_unit'],
    [{ sms: { to_name: 'Ada' } }, 'to'],
    [{ sms: { to: 'call me' } }, 'to'],
  ])('refuses %p at %p', (body, field) => {
    expect(issuesOf(body)).toContain(`"${field}"`);
  });
});

describe('SessionReference', () => {
  const keys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'v']));

  it.each<[string, unknown, boolean]>([
    ['20 keys', keys(20), true],
    ['21 keys', keys(21), false],
    ['a 256-character value', { claim: 'x'.repeat(256) }, true],
    ['a 257-character value', { claim: 'x'.repeat(257) }, false],
    ['a 65-character key', { ['k'.repeat(65)]: 'v' }, false],
    ['an empty key', { '': 'v' }, false],
    ['a number value', { claim: 17 }, false],
    ['a nested object', { claim: { id: 'C-17' } }, false],
  ])('%s: accepted %p', (_, reference, accepted) => {
    expect(SessionReference.safeParse(reference).success).toBe(accepted);
  });
});

describe('UpdateSessionRequest', () => {
  it('takes any part of the create shapes, sms without a number', () => {
    const body = { session: { language: 'FR' }, vehicle: { odom_reading: '12' }, sms: { to_name: 'Ada' } };
    expect(UpdateSessionRequest.parse(body)).toEqual({ ...body, vehicle: { odom_reading: 12 } });
  });

  it('refuses unknown keys', () => {
    expect(UpdateSessionRequest.safeParse({ status: 'COMPLETE' }).success).toBe(false);
  });
});
