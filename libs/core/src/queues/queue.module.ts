import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.service';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './jobs';

/** Global: every feature may queue work. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { ...config.redis, maxRetriesPerRequest: null, enableOfflineQueue: true },
        prefix: `${config.redisPrefix}:bull`,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue({ name: QUEUES.tickets }, { name: QUEUES.routing }, { name: QUEUES.clocks }, { name: QUEUES.rewards }),
  ],
  exports: [BullModule],
})
export class HubQueueModule {}
