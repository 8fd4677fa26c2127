/** Unit tests live beside the code (src/**\/*.spec.ts); end-to-end suites in test/ run against real PostgreSQL and Redis. */
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // Jest on Node 20 cannot require() an ES module (Node itself can). @fastify/static, a CommonJS
    // package, requires content-disposition, which is ESM-only since v2: give it the CommonJS v1
    // (same API) under test only.
    '^content-disposition$': 'content-disposition-cjs',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
};

export default {
  maxWorkers: 2,
  // A bound on a hung test, not a measure: suites that start real processes need minutes on a loaded 2-core machine.
  testTimeout: 180_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
