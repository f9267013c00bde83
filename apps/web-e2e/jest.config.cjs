module.exports = {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  coverageDirectory: 'test-output/jest/coverage',
  // one server and one browser at a time: the machine has 2 cores
  maxWorkers: 1,
  testTimeout: 120000,
};
