/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  transform: {
    // ts-jest keeps decorator metadata, and reports a type error in a test as its failure.
    '^.+\\.ts$': ['ts-jest', { diagnostics: true, tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  testTimeout: 60_000,
  maxWorkers: 2,
};
