import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Passwords are hashed with scrypt (memory-hard, in node:crypto): N = 2^15, r = 8, p = 1 (32 MiB and about 50–100 ms
// per hash on one core), a 16-byte random salt and a 32-byte key. The parameters are stored with each hash, so they
// can be raised later without invalidating older hashes.

/** The scrypt parameters new hashes use. */
export const scryptParameters = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }, keyLength: number) {
  // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is exactly that for these parameters, so raise it
  const scryptOptions: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r + 1024 * 1024 };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, scryptOptions, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$<N>$<r>$<p>$<salt base64url>$<key base64url>` of a password, with a new random salt. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLength, saltLength } = scryptParameters;
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, { N, r, p }, keyLength);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const hashPattern = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/;

/** True when `password` is the one `hash` was made from (compared in constant time); false for a malformed hash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const match = hashPattern.exec(hash);
  if (!match) return false;
  const [, n = '', r = '', p = '', salt = '', key = ''] = match;
  const expected = Buffer.from(key, 'base64url');
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  const actual = await derive(password, Buffer.from(salt, 'base64url'), options, expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time of one verification on nothing: a login with an unknown email takes as long as one with a wrong
 * password, so timing does not tell which emails have an account.
 */
export async function verifyNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword('not a password of anyone');
  await verifyPassword(password, await dummyHash);
}
