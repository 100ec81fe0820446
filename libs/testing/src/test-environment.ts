/**
 * The settings every integration test runs with: its own database and Redis key
 * prefix, so a test run never touches a development or live system.
 */
export const TEST_ENV = {
  NODE_ENV: 'test',
  DATABASE_HOST: process.env.DATABASE_HOST ?? '127.0.0.1',
  DATABASE_PORT: process.env.DATABASE_PORT ?? '5432',
  DATABASE_USER: process.env.DATABASE_USER ?? 'postgres',
  DATABASE_NAME: process.env.TEST_DATABASE_NAME ?? 'hotline_hub_test',
  REDIS_HOST: process.env.REDIS_HOST ?? '127.0.0.1',
  REDIS_PORT: process.env.REDIS_PORT ?? '6379',
  REDIS_PREFIX: process.env.TEST_REDIS_PREFIX ?? 'hubtest',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  OUTBOX_POLL_MS: '200',
  /** a search stopped at its limit is tested without waiting the production 10 s */
  SEARCH_TIMEOUT_MS: '2000',
} as const;

export function applyTestEnvironment(): void {
  Object.assign(process.env, TEST_ENV);
  assertTestDatabase(TEST_ENV.DATABASE_NAME);
}

/** Tests wipe tables: refuse any database that is not plainly a test database. */
export function assertTestDatabase(name: string): void {
  if (!/test/i.test(name)) throw new Error(`Refusing to run tests against database "${name}": its name must contain "test"`);
}
