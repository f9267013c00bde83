import * as z from 'zod/mini';

const vinPattern = /^[A-HJ-NPR-Z0-9]{17}$/;

/** A vehicle identification number: 17 upper-case letters or digits, without I, O or Q. */
export const Vin = z.string().check(z.regex(vinPattern, { message: 'Expected a 17-character VIN without I, O or Q' }));
export type Vin = z.infer<typeof Vin>;
