import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.service';
import { EventBus } from './event-bus';
import { PostgresEventBus } from './postgres-event-bus';
import { RedisEventBus } from './redis-event-bus';

/** The events channel on Redis, or on PostgreSQL in single-machine mode. */
@Global()
@Module({
  providers: [
    RedisEventBus,
    PostgresEventBus,
    { provide: EventBus, inject: [AppConfig, RedisEventBus, PostgresEventBus], useFactory: (config: AppConfig, redis: RedisEventBus, postgres: PostgresEventBus) => (config.singleMachine ? postgres : redis) },
  ],
  exports: [EventBus],
})
export class HubEventsModule {}
