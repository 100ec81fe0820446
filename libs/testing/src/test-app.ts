import type { INestApplication, INestApplicationContext, Type } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppConfig, configureHttpApp, RedisClient, TimeSource } from '@hub/core';
import { useSocketAdapter } from '@hub/live';
import { RoutingModels } from '@hub/routing/routing-models.service';
import { seedTaxonomy } from '@hub/taxonomy/taxonomy-seed';
import { applyTestEnvironment, assertTestDatabase } from './test-environment';
import type { TestTime } from './test-time';

export interface TestAppOptions {
  /** the time domain clocks see (deadlines, escalation); real time when absent */
  time?: TestTime;
}

/** Boots the api module as the api process does, on the test database. */
export async function createTestApi(apiModule: Type<unknown>, options: TestAppOptions = {}): Promise<INestApplication> {
  applyTestEnvironment();
  const moduleRef = await withTime(Test.createTestingModule({ imports: [apiModule] }), options).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  configureHttpApp(app);
  useSocketAdapter(app);
  await app.init();
  await resetLoginLimits(app);
  return app;
}

/** Forgets login rate counters and lockouts of the test prefix, so each test file starts unthrottled. */
export async function resetLoginLimits(app: INestApplicationContext): Promise<void> {
  // single-machine mode counts in the api process's memory, new with each app
  if (!app.get(RedisClient).enabled) return;
  const redis = app.get(RedisClient).redis;
  const pattern = `${app.get(AppConfig).redisPrefix}:login:*`;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Boots a worker context in this process (queues, relay, pipeline). */
export async function createTestWorker(workerModule: Type<unknown>, options: TestAppOptions = {}): Promise<INestApplicationContext> {
  applyTestEnvironment();
  const moduleRef = await withTime(Test.createTestingModule({ imports: [workerModule] }), options).compile();
  await moduleRef.init();
  return moduleRef;
}

function withTime(builder: TestingModuleBuilder, options: TestAppOptions): TestingModuleBuilder {
  return options.time ? builder.overrideProvider(TimeSource).useValue(options.time) : builder;
}

const WIPED_TABLES = ['report_files', 'report_runs', 'supervision_daily_flow', 'supervision_daily_by', 'supervision_rollup_state', 'trend_alerts', 'trend_counts', 'trend_counted', 'trend_watermark', 'revoked_tokens', 'refresh_tokens', 'auth_sessions', 'credit_record_history', 'credit_cases', 'credit_subjects', 'reward_ledger', 'rewards', 'tipster_receipts', 'notification_reads', 'notifications', 'ticket_clocks', 'ticket_findings', 'calendar_days', 'calendar_years', 'ticket_claims', 'labelled_examples', 'classifier_models', 'rule_sets', 'pii_reveals', 'outbox', 'attachments', 'ticket_history', 'record_revisions', 'tickets', 'raw_records', 'users'];

/**
 * Empties every table a test writes to and restores what setup puts there (taxonomy,
 * default rule set, the classifier trained on the shipped set); refuses a non-test database.
 */
export async function resetDatabase(db: DataSource): Promise<void> {
  assertTestDatabase(String(db.options.database));
  await db.query(`TRUNCATE ${WIPED_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
  await seedTaxonomy(db);
  await new RoutingModels(db).ensureDefaults();
}
