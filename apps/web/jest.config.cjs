module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.js',
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { customExportConditions: ['@pave/source', 'browser', 'require', 'default'] },
  setupFilesAfterEnv: ['@testing-library/jest-dom'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/e2e/'],
  coverageDirectory: 'test-output/jest/coverage',
};
