import { createEphemeralSecretBox, type SecretBox } from '../secrets/secret-box.js';

/** The secret box of every test in this process, so an app restarted on the same storage opens its seals. */
export const testSecretBox: SecretBox = createEphemeralSecretBox();
