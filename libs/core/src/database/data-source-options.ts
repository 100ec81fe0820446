import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.service';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const db = config.database;
  return {
    type: 'postgres',
    host: db.host,
    port: db.port,
    username: db.username,
    password: db.password,
    database: db.database,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    extra: { max: db.poolSize, connectionTimeoutMillis: 5000 },
    applicationName: 'hotline-hub',
  };
}
