import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { HubExceptionFilter } from './errors/http-exception.filter';
import { hubValidationPipe } from './errors/validation.pipe';
import { HubConfigModule } from './config/config.module';
import { HubDatabaseModule } from './database/database.module';
import { HubLoggingModule } from './logging/logging.module';
import { HubQueueModule } from './queues/queue.module';
import { RedisModule } from './redis/redis.module';
import { TimeModule } from './time/time-source';

/** What every process needs: validated config, logs, PostgreSQL, Redis and the queues. */
@Module({
  imports: [HubConfigModule, HubLoggingModule, HubDatabaseModule, RedisModule, HubQueueModule, TimeModule],
  providers: [
    { provide: APP_FILTER, useClass: HubExceptionFilter },
    { provide: APP_PIPE, useFactory: hubValidationPipe },
  ],
  exports: [HubConfigModule, HubDatabaseModule, RedisModule, HubQueueModule, TimeModule],
})
export class CoreModule {}
