import { buildSessionKey, sessionKeyAlphabet, sessionKeyRandomLength, type SessionKey } from '@pave/domain';

/** A source of random integers in [0, maxExclusive): `crypto.randomInt` in production, a fixed sequence in tests. */
export type RandomInt = (maxExclusive: number) => number;

/** A new session key for an account: its username's prefix and 10 random characters of the key alphabet. */
export function createSessionKey(username: string, randomInt: RandomInt): SessionKey {
  let randomPart = '';
  for (let index = 0; index < sessionKeyRandomLength; index += 1) {
    randomPart += sessionKeyAlphabet.charAt(randomInt(sessionKeyAlphabet.length));
  }
  return buildSessionKey(username, randomPart);
}
