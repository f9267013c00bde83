import type { CreateSessionInput } from '@pave/domain';

/** The vehicle fields of the form, in PAVE's order. */
export const vehicleFields = [
  ['vin', 'VIN'],
  ['year', 'Year'],
  ['make', 'Make'],
  ['model', 'Model'],
  ['body_type', 'Body type'],
  ['trim', 'Trim'],
  ['transmission', 'Transmission'],
  ['ext_col', 'Exterior colour'],
  ['int_col', 'Interior colour'],
  ['odom_reading', 'Odometer reading'],
] as const;

type Entries = Record<string, string>;

function filled(data: FormData, names: readonly string[], prefix = ''): Entries {
  const entries = names.map((name) => [name, String(data.get(`${prefix}${name}`) ?? '').trim()] as const);
  return Object.fromEntries(entries.filter(([, value]) => value !== ''));
}

function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

/** `claim=C-17` lines as a reference object (a line without `=` is a key with an empty value). */
export function parseReferenceLines(text: string): Entries {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return Object.fromEntries(
    lines.map((line) => {
      const at = line.indexOf('=');
      return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
}

/**
 * PAVE's nested create body from the new-session form: only the fields filled in (the server applies its defaults
 * and checks every value; its message names a refused one). `contact` is sent when either name is given.
 */
export function createBodyOf(data: FormData): CreateSessionInput {
  const session: Entries = filled(data, ['theme', 'language', 'redirect_url', 'client_id']);
  const contact = filled(data, ['first_name', 'last_name'], 'contact.');
  const reference = parseReferenceLines(String(data.get('reference') ?? ''));
  const vehicle = filled(data, [...vehicleFields.map(([name]) => name), 'odom_unit'], 'vehicle.');
  const sms = filled(data, ['to', 'to_name', 'from', 'by'], 'sms.');
  const body = {
    session: nonEmpty({
      ...session,
      ...(nonEmpty(contact) ? { contact } : {}),
      ...(nonEmpty(reference) ? { reference } : {}),
    }),
    vehicle: nonEmpty(vehicle),
    sms: nonEmpty(sms),
  };
  return JSON.parse(JSON.stringify(body)) as CreateSessionInput;
}
