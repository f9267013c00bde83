import { CreateSessionRequest } from '@pave/domain';
import { createBodyOf, parseReferenceLines } from './session-form-body.js';

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe('createBodyOf', () => {
  it('sends nothing for an empty form', () => {
    expect(createBodyOf(formData({ theme: '', 'vehicle.make': ' ' }))).toEqual({});
  });

  it("builds PAVE's nested body from the fields filled in", () => {
    const body = createBodyOf(
      formData({
        theme: 'LITE',
        language: 'FR',
        client_id: ' C-1 ',
        'contact.first_name': 'Ada',
        'contact.last_name': 'Lovelace',
        reference: 'claim=C-17\nbranch = north\n',
        'vehicle.vin': '1HGCM82633A004352',
        'vehicle.year': '2019',
        'vehicle.odom_reading': '100,945',
        'vehicle.odom_unit': 'MILES',
        'sms.to': '+15550100',
      }),
    );
    expect(body).toEqual({
      session: {
        theme: 'LITE',
        language: 'FR',
        client_id: 'C-1',
        contact: { first_name: 'Ada', last_name: 'Lovelace' },
        reference: { claim: 'C-17', branch: 'north' },
      },
      vehicle: { vin: '1HGCM82633A004352', year: '2019', odom_reading: '100,945', odom_unit: 'MILES' },
      sms: { to: '+15550100' },
    });
    expect(CreateSessionRequest.safeParse(body).success).toBe(true);
  });
});

describe('parseReferenceLines', () => {
  it.each([
    ['', {}],
    ['a=1', { a: '1' }],
    ['a = 1 = 2\n\n b ', { a: '1 = 2', b: '' }],
  ])('%p → %p', (text, reference) => {
    expect(parseReferenceLines(text)).toEqual(reference);
  });
});
