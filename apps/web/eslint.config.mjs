import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import baseConfig from '../../eslint.config.mjs';

const basePath = import.meta.dirname;
const resolver = fileURLToPath(new URL('./tools/eslint-import-resolver.cjs', import.meta.url));
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** STYLE.md §10: imports flow shared → features → app; a feature never imports another feature. */
const zones = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature never imports another feature: compose them in src/app/routes.',
  })),
  {
    target: './src/features',
    from: './src/app',
    message: 'Features do not import the app layer.',
  },
  {
    target: ['./src/components', './src/lib', './src/config'],
    from: ['./src/features', './src/app'],
    message: 'Shared code (components, lib, config) does not import features or the app.',
  },
  {
    target: './src/{app,features,components,lib,config}/**/!(*.spec).@(ts|tsx)',
    from: './src/testing/**',
    message: 'Production code never imports the test helpers.',
  },
];

export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { import: importPlugin, 'react-hooks': reactHooks },
    settings: { 'import/resolver': { [resolver]: {} } },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      'import/no-restricted-paths': ['error', { basePath, zones }],
    },
  },
];
