import type { INestApplication, INestApplicationContext, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { configureHttpApp } from '@hub/core';
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
  return app;
}

/** Boots a worker context in this process (queues, relay, pipeline). */
export async function createTestWorker(workerModule: Type<unknown>): Promise<INestApplicationContext> {
  applyTestEnvironment();
  const moduleRef = await Test.createTestingModule({ imports: [workerModule] }).compile();
  await moduleRef.init();
  return moduleRef;
}

const WIPED_TABLES = ['reward_ledger', 'rewards', 'tipster_receipts', 'ticket_claims', 'labelled_examples', 'classifier_models', 'rule_sets', 'pii_reveals', 'outbox', 'attachments', 'ticket_history', 'record_revisions', 'tickets', 'raw_records', 'users'];

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
