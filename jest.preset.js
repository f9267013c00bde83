const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

const swc = (parser) => [
  '@swc/jest',
  {
    swcrc: false,
    sourceMaps: 'inline',
    jsc: { target: 'es2022', parser, transform: { react: { runtime: 'automatic' } } },
  },
];

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  // resolve @pave/* to src/ through the custom condition (else Jest silently uses a stale dist/)
  testEnvironmentOptions: { customExportConditions: ['@pave/source', 'node', 'require', 'default'] },
  transform: {
    '^.+\\.tsx$': swc({ syntax: 'typescript', tsx: true }),
    '^.+\\.[cm]?ts$': swc({ syntax: 'typescript' }),
    '^.+\\.[cm]?jsx?$': swc({ syntax: 'ecmascript', jsx: true }),
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // after Jest's summary, one line of the skipped tests by reason (tools/scripts/test-all.mjs adds them up)
  reporters: ['default', join(__dirname, 'tools/jest/skip-reasons-reporter.cjs')],
};
