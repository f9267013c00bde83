import { buildSessionSettings } from '../testing.js';
import {
  checkSessionUpdate,
  isUpdateAllowed,
  sessionUpdateRefusedMessage,
  updateRefusalOf,
  updateRules,
  type UpdateField,
  type UpdateRule,
} from './session-update.js';
import { UpdateSessionRequest, type UpdateSessionInput } from './session-request.js';
import { SessionStatus } from './session.js';

const statuses = SessionStatus.options;

// the statuses each rule allows a change in (contract section 3), spelled out once more as the table to test against
const allowedIn: Record<UpdateRule, readonly SessionStatus[]> = {
  while_idle: ['IDLE'],
  before_capture: ['IDLE'],
  until_closed: ['IDLE', 'STARTED', 'PROCESS', 'QC_PASSED', 'CONFIRM'],
  unless_invalid: ['IDLE', 'STARTED', 'PROCESS', 'QC_PASSED', 'CONFIRM', 'COMPLETE', 'EXPIRED'],
};

describe('updateRules', () => {
  it.each<[UpdateField, UpdateRule]>([
    ['session.theme', 'while_idle'],
    ['session.redirect_url', 'until_closed'],
    ['session.language', 'until_closed'],
    ['sms.to', 'before_capture'],
  ])('follows PAVE: %s %s', (field, rule) => {
    expect(updateRules[field]).toBe(rule);
  });
});

describe('isUpdateAllowed', () => {
  const cases = (Object.keys(allowedIn) as UpdateRule[]).flatMap((rule) =>
    statuses.map((status) => [rule, status, allowedIn[rule].includes(status)] as const),
  );
  it.each(cases)('%s in %s: %p', (rule, status, allowed) => {
    expect(isUpdateAllowed(rule, status)).toBe(allowed);
  });
});

// one change of every field, to a value different from the default settings'
const changeOf: Record<UpdateField, UpdateSessionInput> = {
  'session.theme': { session: { theme: 'LITE' } },
  'session.redirect_url': { session: { redirect_url: 'https://dealer.example/next' } },
  'session.language': { session: { language: 'FR' } },
  'session.client_id': { session: { client_id: 'C-2' } },
  'session.contact': { session: { contact: { first_name: 'Ada', last_name: 'Lovelace' } } },
  'session.reference': { session: { reference: { claim: 'C-18' } } },
  'vehicle.vin': { vehicle: { vin: '1HGCM82633A004352' } },
  'vehicle.year': { vehicle: { year: 2020 } },
  'vehicle.make': { vehicle: { make: 'Honda' } },
  'vehicle.model': { vehicle: { model: 'Accord' } },
  'vehicle.body_type': { vehicle: { body_type: 'Coupe' } },
  'vehicle.trim': { vehicle: { trim: 'EX' } },
  'vehicle.transmission': { vehicle: { transmission: 'Manual' } },
  'vehicle.ext_col': { vehicle: { ext_col: 'Red' } },
  'vehicle.int_col': { vehicle: { int_col: 'Tan' } },
  'vehicle.odom_reading': { vehicle: { odom_reading: '12,000' } },
  'vehicle.odom_unit': { vehicle: { odom_unit: 'MILES' } },
  'sms.to': { sms: { to: '+15550199' } },
  'sms.to_name': { sms: { to_name: 'Grace' } },
  'sms.from': { sms: { from: 'Fleet' } },
  'sms.by': { sms: { by: 'Fleet Inc' } },
};

const current = buildSessionSettings({ sms: { to: '+15550100' } });

describe('checkSessionUpdate', () => {
  const cases = (Object.keys(changeOf) as UpdateField[]).flatMap((field) =>
    statuses.map((status) => [field, status, allowedIn[updateRules[field]].includes(status)] as const),
  );

  it.each(cases)('a change of %s in %s is allowed: %p', (field, status, allowed) => {
    const result = checkSessionUpdate(status, current, UpdateSessionRequest.parse(changeOf[field]));
    if (allowed) expect(result.ok).toBe(true);
    else
      expect(result).toEqual({ ok: false, error: { code: 'update_refused', field, rule: updateRules[field], status } });
  });

  it.each(statuses)('in %s, a field given with the value it has is no change', (status) => {
    const same = UpdateSessionRequest.parse({ session: { theme: 'PRO', language: 'EN' }, sms: { to: '+15550100' } });
    expect(checkSessionUpdate(status, current, same)).toEqual({ ok: true, value: current });
  });

  it('applies an allowed update: vehicle and sms field by field, the rest replaced', () => {
    const before = buildSessionSettings({
      vehicle: { make: 'Toyota', year: 2019 },
      sms: { to: '+15550100', from: 'A' },
    });
    const request = UpdateSessionRequest.parse({
      session: { language: 'ES', reference: { claim: 'C-2' } },
      vehicle: { year: '2020' },
      sms: { by: 'B' },
    });
    expect(checkSessionUpdate('IDLE', before, request)).toEqual({
      ok: true,
      value: {
        ...before,
        language: 'ES',
        reference: { claim: 'C-2' },
        vehicle: { make: 'Toyota', year: 2020 },
        sms: { to: '+15550100', from: 'A', by: 'B' },
      },
    });
  });

  it('refuses the whole update, naming the first forbidden field, when one of several changes is forbidden', () => {
    const request = UpdateSessionRequest.parse({ session: { language: 'FR', theme: 'LITE' } });
    const result = checkSessionUpdate('STARTED', current, request);
    expect(result).toEqual({
      ok: false,
      error: { code: 'update_refused', field: 'session.theme', rule: 'while_idle', status: 'STARTED' },
    });
    if (!result.ok) {
      expect(sessionUpdateRefusedMessage(result.error)).toBe(
        'Cannot update the session: session.theme may change only while IDLE; the session is STARTED.',
      );
    }
  });

  it('refuses sms fields without a number to text', () => {
    const request = UpdateSessionRequest.parse({ sms: { to_name: 'Ada' } });
    expect(checkSessionUpdate('IDLE', buildSessionSettings(), request)).toEqual({
      ok: false,
      error: { code: 'sms_to_missing' },
    });
  });
});

describe('updateRefusalOf', () => {
  it.each<[UpdateField, SessionStatus, string | null]>([
    ['session.theme', 'IDLE', null],
    ['session.theme', 'PROCESS', 'session.theme may change only while IDLE; the session is PROCESS.'],
    ['sms.to', 'STARTED', 'sms.to may change only before the capture started; the session is STARTED.'],
    [
      'session.language',
      'COMPLETE',
      'session.language may change only until the session is COMPLETE, EXPIRED or INVALID; the session is COMPLETE.',
    ],
    ['session.reference', 'COMPLETE', null],
    [
      'session.reference',
      'INVALID',
      'session.reference may not change once the session is INVALID; the session is INVALID.',
    ],
  ])('%s in %s: %p', (field, status, reason) => {
    expect(updateRefusalOf(field, status)).toBe(reason);
  });
});
