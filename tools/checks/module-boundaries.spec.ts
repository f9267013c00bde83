// Proves that the module boundaries of STYLE.md section 2 are enforced: each forbidden import fails lint,
// each allowed one passes. Lints virtual files placed inside the real projects.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const refused: [string, string][] = [
  ['libs/pave-domain/src/lib/probe.ts', "import { createPaveClient } from '@pave/client';"],
  ['libs/pave-domain/src/lib/probe.ts', "import sharp from 'sharp';"],
  ['libs/pave-domain/src/lib/probe.ts', "import { readFileSync } from 'fs';"],
  ['libs/pave-client/src/lib/probe.ts', "import express from 'express';"],
  ['libs/pave-client/src/lib/probe.ts', "import { useState } from 'react';"],
  ['libs/pave-client/src/lib/probe.ts', "import { x } from '../../../pave-domain/src/index';"],
  ['libs/pave-client/src/lib/probe.ts', "import { x } from '@pave/domain/src/lib/photo-code';"],
  ['libs/pave-client/src/lib/probe.ts', "import { createHmac } from 'node:crypto';"],
  ['apps/api/src/probe.ts', "import { useState } from 'react';"],
  ['apps/api/src/probe.ts', "import { x } from '../../web/src/main';"],
  ['apps/web/src/probe.ts', "import express from 'express';"],
];
const allowed: [string, string][] = [
  ['libs/pave-domain/src/lib/probe.ts', "import { z } from 'zod';"],
  ['libs/pave-client/src/lib/probe.ts', "import { PhotoCode } from '@pave/domain';"],
  ['libs/pave-client/src/lib/probe.ts', "import { z } from 'zod/mini';"],
  ['apps/api/src/probe.ts', "import { PhotoCode } from '@pave/domain';"],
  ['apps/web/src/probe.ts', "import { createPaveClient } from '@pave/client';"],
  ['libs/pave-domain/src/lib/probe.spec.ts', "import { readFileSync } from 'node:fs';"],
  ['apps/api/src/probe.ts', "import { createHmac } from 'node:crypto';"],
];

const probes = [...refused, ...allowed].map(([file, code]) => ({ file, code: `${code}\nexport const probe = 1;\n` }));
let results: string[][] = [];

beforeAll(() => {
  const out = execFileSync(process.execPath, [join(__dirname, 'lint-probes.mjs')], { input: JSON.stringify(probes) });
  results = JSON.parse(out.toString()) as string[][];
}, 120000);

describe('module boundaries', () => {
  it.each(refused.map((probe, index) => [...probe, index] as const))('refuses, in %s: %s', (_file, _code, index) => {
    expect(results[index]).not.toEqual([]);
  });

  it.each(allowed.map((probe, index) => [...probe, refused.length + index] as const))(
    'allows, in %s: %s',
    (_file, _code, index) => {
      expect(results[index]).toEqual([]);
    },
  );
});
