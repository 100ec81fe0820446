import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config.service';

/** One shared command connection for health checks and publishing events. */
@Injectable()
export class RedisClient implements OnModuleDestroy {
  readonly redis: Redis;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.redis = new Redis({ ...config.redis, lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: false });
    this.redis.on('error', () => undefined);
  }

  /** A new connection (subscribers need their own). */
  static duplicate(client: RedisClient): Redis {
    return client.redis.duplicate();
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
