#!/usr/bin/env node
// Lints virtual files with the workspace's ESLint config and prints, for each, the boundary errors (Nx tags, deep and Node built-in imports).
// Reads [{ file, code }] as JSON on stdin; prints [[message, …], …] as JSON. Run as its own process because
// ESLint loads its config with a dynamic import, which Jest's VM does not allow.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';

const root = join(import.meta.dirname, '../..');
// Virtual files are in no tsconfig, so only the syntactic rules run (the boundary rule is one of them).
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
});
const boundaryRules = new Set(['@nx/enforce-module-boundaries', 'no-restricted-imports']);
const probes = JSON.parse(await text(process.stdin));
const results = [];
for (const { file, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  const fatal = result?.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  results.push((result?.messages ?? []).filter((m) => boundaryRules.has(m.ruleId)).map((m) => m.message));
}
process.stdout.write(JSON.stringify(results));
