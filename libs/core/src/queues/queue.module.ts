import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConnectionOptions, createPostgresBackend, PostgresConnectionOptions, QueueOptions, setDefaultBackendFactory } from 'bullmq';
import { AppConfig } from '../config/app-config.service';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './jobs';
import { PipelineBatchIndex } from './pipeline-batch-index';

/** Connections per queue or worker on PostgreSQL (each holds a pool and one LISTEN connection). */
const POSTGRES_QUEUE_POOL = 4;

/**
 * Every queue and worker of the process on Redis, or in single-machine mode on BullMQ's
 * PostgreSQL backend (schema `bullmq`, migrated on first connect). The backend is the
 * process-wide default, so it also reaches the queues and workers @nestjs/bullmq builds.
 */
export function queueOptions(config: AppConfig): QueueOptions {
  if (!config.singleMachine) {
    setDefaultBackendFactory(undefined);
    return { connection: { ...config.redis, maxRetriesPerRequest: null, enableOfflineQueue: true }, prefix: `${config.redisPrefix}:bull`, defaultJobOptions: DEFAULT_JOB_OPTIONS };
  }
  setDefaultBackendFactory(createPostgresBackend);
  const db = config.database;
  const connection: PostgresConnectionOptions = { host: db.host, port: db.port, user: db.username, password: db.password, database: db.database, max: POSTGRES_QUEUE_POOL, migrate: true };
  return { connection: connection as unknown as ConnectionOptions, defaultJobOptions: DEFAULT_JOB_OPTIONS };
}

/** Global: every feature may queue work. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({ inject: [AppConfig], useFactory: queueOptions }),
    BullModule.registerQueue({ name: QUEUES.tickets }, { name: QUEUES.routing }, { name: QUEUES.clocks }, { name: QUEUES.rewards }, { name: QUEUES.records }, { name: QUEUES.trends }, { name: QUEUES.reports }, { name: QUEUES.supervision }),
  ],
  providers: [PipelineBatchIndex],
  exports: [BullModule, PipelineBatchIndex],
})
export class HubQueueModule {}
