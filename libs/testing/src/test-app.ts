import type { INestApplication, INestApplicationContext, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppConfig, configureHttpApp, RedisClient } from '@hub/core';
import { useRedisSocketAdapter } from '@hub/live';
import { RoutingModels } from '@hub/routing/routing-models.service';
import { seedTaxonomy } from '@hub/taxonomy/taxonomy-seed';
import { applyTestEnvironment, assertTestDatabase } from './test-environment';

/** Boots the api module as the api process does, on the test database. */
export async function createTestApi(apiModule: Type<unknown>): Promise<INestApplication> {
  applyTestEnvironment();
  const moduleRef = await Test.createTestingModule({ imports: [apiModule] }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  configureHttpApp(app);
  useRedisSocketAdapter(app);
  await app.init();
  await resetLoginLimits(app);
  return app;
}

/** Forgets login rate counters and lockouts of the test prefix, so each test file starts unthrottled. */
export async function resetLoginLimits(app: INestApplicationContext): Promise<void> {
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
export async function createTestWorker(workerModule: Type<unknown>): Promise<INestApplicationContext> {
  applyTestEnvironment();
  const moduleRef = await Test.createTestingModule({ imports: [workerModule] }).compile();
  await moduleRef.init();
  return moduleRef;
}

const WIPED_TABLES = ['revoked_tokens', 'refresh_tokens', 'auth_sessions', 'ticket_claims', 'labelled_examples', 'classifier_models', 'rule_sets', 'pii_reveals', 'outbox', 'attachments', 'ticket_history', 'record_revisions', 'tickets', 'raw_records', 'users'];

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
