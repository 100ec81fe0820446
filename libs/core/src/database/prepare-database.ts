import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { EnvironmentVariables } from '../config/app-config';
import { MIGRATIONS } from './migrations';

/** Creates the database when it is missing, then applies every pending migration. */
export async function prepareDatabase(env: EnvironmentVariables): Promise<string[]> {
  const connection = { host: env.DATABASE_HOST, port: env.DATABASE_PORT, user: env.DATABASE_USER, password: env.DATABASE_PASSWORD };
  const admin = new Client({ ...connection, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [env.DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${env.DATABASE_NAME.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  const ds = new DataSource({ type: 'postgres', ...connection, username: env.DATABASE_USER, database: env.DATABASE_NAME, migrations: MIGRATIONS, migrationsTableName: 'schema_migrations' });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
