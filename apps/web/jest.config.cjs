const preset = require('../../jest.preset.js');

module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.js',
  // jsdom with Node's fetch API and WebCrypto: the tests drive the real @pave/client
  testEnvironment: '<rootDir>/src/testing/jsdom-fetch-environment.cjs',
  testEnvironmentOptions: { customExportConditions: ['@pave/source', 'browser', 'require', 'default'] },
  setupFilesAfterEnv: ['@testing-library/jest-dom', '<rootDir>/src/testing/setup-tests.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  // Vite bundles the CSS; in Jest a stylesheet import is an empty module
  moduleNameMapper: { '\\.css$': '<rootDir>/src/testing/style-mock.cjs', ...preset.moduleNameMapper },
  // user-event typing through the whole app is slow on a loaded 2-core machine; 5 s timed out there
  testTimeout: 30000,
  coverageDirectory: 'test-output/jest/coverage',
};
