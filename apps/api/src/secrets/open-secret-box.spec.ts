import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../logger.js';
import { openSecretBox, parseSecretKey, secretKeyFileName } from './open-secret-box.js';
import { createSecretBox, toSecretKey } from './secret-box.js';

describe('openSecretBox', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pave-secrets-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function capturingLogger() {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    return { logger: createLogger('info', sink), lines };
  }

  it('generates a key into a new data folder (0700) as a 0600 file on first start, says so, and keeps it', async () => {
    const dataDir = join(root, 'data');
    const { logger, lines } = capturingLogger();
    const first = await openSecretBox({ secretKey: null, previousSecretKeys: [], dataDir }, logger);
    const path = join(dataDir, secretKeyFileName);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(lines.join('')).toContain('generated a secret key');
    expect(lines.join('')).not.toContain(readFileSync(path, 'utf8').trim());

    const again = await openSecretBox({ secretKey: null, previousSecretKeys: [], dataDir }, capturingLogger().logger);
    expect(again.keyId).toBe(first.keyId);
    expect(again.open(first.seal('kept'))).toBe('kept');
  });

  it('uses PAVE_SECRET_KEY when set, and opens what the previous keys sealed', async () => {
    const current = randomBytes(32);
    const previous = randomBytes(32);
    const sealedBefore = createSecretBox([toSecretKey(previous)]).seal('old');
    const box = await openSecretBox(
      { secretKey: current, previousSecretKeys: [previous], dataDir: root },
      capturingLogger().logger,
    );
    expect(box.keyId).toBe(toSecretKey(current).id);
    expect(box.open(sealedBefore)).toBe('old');
  });

  it.each([
    [randomBytes(32).toString('base64'), true],
    [randomBytes(32).toString('hex'), true],
    [randomBytes(16).toString('base64'), false],
    ['not a key', false],
  ])('parses %s as a key: %p', (text, ok) => {
    expect(parseSecretKey(text) !== null).toBe(ok);
  });
});
