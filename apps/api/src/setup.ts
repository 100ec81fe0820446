import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuthService, SealedDataRotation } from '@hub/auth';
import { AppConfig, loadEnvironment, prepareDatabase } from '@hub/core';
import { RoutingModels } from '@hub/routing';
import { SupervisionRollup } from '@hub/supervision';
import { seedTaxonomy } from '@hub/taxonomy/taxonomy-seed';
import { DemoData } from './setup/demo-data';
import { SetupModule } from './setup/setup.module';

/**
 * Brings a database to a working system: schema migrations, the shipped taxonomy,
 * the first admin from configuration and, with --demo or DEMO_DATA=true, demo data.
 */
async function setup(): Promise<void> {
  const env = loadEnvironment();
  const applied = await prepareDatabase(env);
  console.log(`migrations applied: ${applied.length ? applied.join(', ') : 'none pending'}`);
  if (process.argv.includes('--migrate-only')) return;
  const app = await NestFactory.createApplicationContext(SetupModule, { logger: ['error', 'warn', 'log'] });
  try {
    const seeded = await seedTaxonomy(app.get(DataSource));
    console.log(`taxonomy: ${seeded.departments} departments, ${seeded.regions} regions, ${seeded.units} units`);
    await app.get(AuthService).ensureFirstAdmin();
    await app.get(RoutingModels).ensureDefaults();
    // bodies stored before sealing, or under a key no longer first in PII_KEYS, are (re-)sealed
    const rotation = await app.get(SealedDataRotation).rotate();
    console.log(`sealed data under key ${rotation.keyId}: ${JSON.stringify(rotation.resealed)} re-sealed`);
    if (process.argv.includes('--demo') || app.get(AppConfig).env.DEMO_DATA === 'true') await app.get(DemoData).load();
    // the dashboard has figures before the worker's first rollup run
    const rollup = await app.get(SupervisionRollup).run();
    console.log(`supervision rollups: ${rollup.days} days rebuilt`);
  } finally {
    await app.close();
  }
}

setup().catch((error) => {
  console.error(error);
  process.exit(1);
});
