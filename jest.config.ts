import type { Config } from 'jest';

const moduleNameMapper = {
  '^@hub/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@hub/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] as [string, object] };
const common = { rootDir: '.', moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, transform, testEnvironment: 'node' };

const config: Config = {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/apps/**/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
    },
    // zero-setup mode: `npm start` with no PostgreSQL and no Redis answering (its own ports and data)
    { ...common, displayName: 'smoke', testMatch: ['<rootDir>/apps/**/test/**/*.smoke-spec.ts'] },
  ],
};

export default config;
