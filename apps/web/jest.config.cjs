const preset = require('../../jest.preset.js');

module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.js',
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { customExportConditions: ['@pave/source', 'browser', 'require', 'default'] },
  setupFiles: ['<rootDir>/src/testing/jsdom-polyfills.ts'],
  setupFilesAfterEnv: ['@testing-library/jest-dom', '<rootDir>/src/testing/setup-tests.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  // Vite bundles the CSS; in Jest a stylesheet import is an empty module
  moduleNameMapper: { '\\.css$': '<rootDir>/src/testing/style-mock.cjs', ...preset.moduleNameMapper },
  coverageDirectory: 'test-output/jest/coverage',
};
