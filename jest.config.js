// Node-side tests: the pure domain, services, the emulator, and integration tests that run the
// real @vtex/api worker against the emulator. The admin's component tests run with
// @vtex/test-tools from react/ (see `npm run test:react`).
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.jest.json' }]

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  testMatch: [
    '<rootDir>/{node,emulator,tests}/**/__tests__/**/*.test.ts',
    '<rootDir>/tests/**/*.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/.run/'],
  modulePathIgnorePatterns: ['<rootDir>/.run/'],
  testTimeout: 60000,
  // The in-process emulator keeps idle keep-alive sockets to workers that tests have stopped.
  forceExit: true,
  globalSetup: '<rootDir>/tests/support/globalSetup.js',
}
