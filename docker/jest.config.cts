module.exports = {
  displayName: 'deploy',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  // The runtime-stage proof installs production dependencies and starts PostgreSQL and the API.
  testTimeout: 180000,
  coverageDirectory: '../coverage/docker',
};
