module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  // One real PostgreSQL for the run: TEST_DATABASE_URL, or an embedded one started here.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // After each spec file: no response body of the file contains a secret (SPEC §3.5).
  setupFilesAfterEnv: ['<rootDir>/test/no-secrets.setup.ts'],
  testTimeout: 30000,
  coverageDirectory: '../../coverage/apps/api',
};
