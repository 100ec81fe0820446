import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { HubExceptionFilter } from './errors/http-exception.filter';
import { hubValidationPipe } from './errors/validation.pipe';
import { HubConfigModule } from './config/config.module';
import { HubDatabaseModule } from './database/database.module';
import { HubLoggingModule } from './logging/logging.module';
import { HubQueueModule } from './queues/queue.module';
import { RedisModule } from './redis/redis.module';
import { HubEventsModule } from './events/events.module';
import { TimeModule } from './time/time-source';
import { OutboxAfterCommit } from './outbox/outbox-after-commit';
import { OutboxPublisher } from './outbox/outbox-publisher.service';

/** What every process needs: validated config, logs, PostgreSQL, Redis (none in single-machine mode), the queues, the events channel and the outbox's publishing after commit. */
@Module({
  imports: [HubConfigModule, HubLoggingModule, HubDatabaseModule, RedisModule, HubQueueModule, TimeModule, HubEventsModule],
  providers: [
    { provide: APP_FILTER, useClass: HubExceptionFilter },
    { provide: APP_PIPE, useFactory: hubValidationPipe },
    OutboxPublisher,
    OutboxAfterCommit,
  ],
  exports: [HubConfigModule, HubDatabaseModule, RedisModule, HubQueueModule, TimeModule, HubEventsModule, OutboxPublisher],
})
export class CoreModule {}
