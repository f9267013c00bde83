import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { createSecretBox, toSecretKey, type SecretBox } from './secret-box.js';

/** Where the secret key comes from: PAVE_SECRET_KEY (and older keys still accepted), or a file in the data folder. */
export type SecretKeySettings = {
  /** The current key (32 bytes); null: read or make `<dataDir>/secret.key`. */
  readonly secretKey: Buffer | null;
  /** Keys replaced by a rotation: what they sealed still opens. */
  readonly previousSecretKeys: readonly Buffer[];
  readonly dataDir: string;
};

/** The name of the generated key file in the data folder. */
export const secretKeyFileName = 'secret.key';

function parseKeyText(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const bytes = Buffer.from(trimmed, 'base64');
  return bytes.length === 32 ? bytes : null;
}

/** Parses a key as PAVE_SECRET_KEY spells it: 32 bytes in base64 or in 64 hex digits; null otherwise. */
export function parseSecretKey(text: string): Buffer | null {
  return parseKeyText(text);
}

async function readOrCreateKeyFile(dataDir: string, logger: Logger): Promise<Buffer> {
  const path = join(dataDir, secretKeyFileName);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    await writeFile(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    logger.warn(
      { path },
      'PAVE_SECRET_KEY is not set: generated a secret key into the data folder. Back it up with the database; ' +
        'several instances must share one key (set PAVE_SECRET_KEY)',
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = parseKeyText(await readFile(path, 'utf8'));
  if (!key) throw new Error(`${path} does not hold a 32-byte key in base64`);
  return key;
}

/** The secret box of this process: PAVE_SECRET_KEY, else the data folder's key file (made on first start). */
export async function openSecretBox(settings: SecretKeySettings, logger: Logger): Promise<SecretBox> {
  const current = settings.secretKey ?? (await readOrCreateKeyFile(settings.dataDir, logger));
  return createSecretBox([current, ...settings.previousSecretKeys].map(toSecretKey));
}
