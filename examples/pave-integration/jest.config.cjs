module.exports = {
  displayName: 'pave-integration',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  coverageDirectory: 'test-output/jest/coverage',
  testTimeout: 60000,
};
