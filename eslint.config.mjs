import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import unicorn from 'eslint-plugin-unicorn';
import prettier from 'eslint-config-prettier';

/** Module boundaries: STYLE.md section 2. All matching constraints apply together. */
export const depConstraints = [
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], allowedExternalImports: ['zod', 'zod/*'] },
  {
    sourceTag: 'type:client',
    onlyDependOnLibsWithTags: ['type:domain'],
    allowedExternalImports: ['zod', 'zod/*'],
  },
  {
    sourceTag: 'scope:api',
    onlyDependOnLibsWithTags: ['type:domain', 'type:client'],
    bannedExternalImports: ['*react*'],
  },
  {
    sourceTag: 'scope:web',
    onlyDependOnLibsWithTags: ['type:domain', 'type:client'],
    bannedExternalImports: ['express'],
  },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:client'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:client'] },
];

/** What spec files may import on top of their project's own allowance: the test tooling. */
const testTooling = [
  'fast-check',
  '@testing-library/*',
  'jest*',
  '@jest/*',
  'supertest',
  'playwright-core',
  'axe-core',
  // server processes that specs start are bundled from source (@pave/client/testing's buildServerBundle)
  'esbuild',
  'node:*',
];
const specFiles = ['**/*.spec.ts', '**/*.spec.tsx', '**/src/testing.ts', '**/src/testing/**'];
const specConstraints = depConstraints.map((c) =>
  c.allowedExternalImports ? { ...c, allowedExternalImports: [...c.allowedExternalImports, ...testTooling] } : c,
);
const deepImports = {
  group: ['@pave/*/src', '@pave/*/src/*', '@pave/*/dist/*'],
  message: 'Import a project by its package name only.',
};
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'crypto',
  'http',
  'https',
  'net',
  'os',
  'child_process',
  'worker_threads',
];
const boundaries = (constraints) => [
  'error',
  { enforceBuildableLibDependency: false, allow: [], depConstraints: constraints },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/test-output',
      '**/node_modules',
      '**/vite.config.*.timestamp*',
      '**/data',
      'artifacts',
      'bench-results',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: { '@nx/enforce-module-boundaries': boundaries(depConstraints) },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImports] }] },
  },
  {
    // the domain is pure: no I/O, so no Node built-ins (its specs may read fixtures)
    files: ['libs/pave-domain/src/**/*.ts'],
    ignores: specFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [deepImports, { group: nodeBuiltins, message: 'pave-domain does no I/O.' }] },
      ],
    },
  },
  {
    // the client runs in browsers too: no Node built-ins
    files: ['libs/pave-client/src/**/*.ts'],
    ignores: specFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [deepImports, { group: nodeBuiltins, message: 'pave-client runs in browsers: no Node built-ins.' }],
        },
      ],
    },
  },
  { files: specFiles, rules: { '@nx/enforce-module-boundaries': boundaries(specConstraints) } },
  {
    files: ['**/eslint.config.mjs', '**/vite.config.*', '**/jest.config.*', '**/jest.preset.js'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { unicorn },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true } }],
      'unicorn/filename-case': ['error', { case: 'kebabCase' }],
      'max-depth': ['error', 3],
    },
  },
  {
    // tool config files must default-export
    files: ['**/vite.config.*', '**/eslint.config.*', '**/jest.config.*'],
    rules: { 'no-restricted-exports': 'off' },
  },
  prettier,
];
