/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  transform: {
    // ts-jest keeps decorator metadata. It transpiles file by file (isolatedModules): the type
    // check of the tests is `npm run check:type`, which CI runs first; a type-checking ts-jest
    // doubled a cold run (31 s against 17 s for one suite).
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  testTimeout: 60_000,
  maxWorkers: 2,
};
