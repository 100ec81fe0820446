import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config.service';

/** One shared command connection for health checks and publishing events; none in single-machine mode. */
@Injectable()
export class RedisClient implements OnModuleDestroy {
  private readonly client: Redis | null = null;

  constructor(@Inject(AppConfig) config: AppConfig) {
    if (config.singleMachine) return;
    this.client = new Redis({ ...config.redis, lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: false });
    this.client.on('error', () => undefined);
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  get redis(): Redis {
    if (!this.client) throw new Error('Redis is not used in single-machine mode (SINGLE_MACHINE=true)');
    return this.client;
  }

  /** A new connection (subscribers need their own). */
  static duplicate(client: RedisClient): Redis {
    return client.redis.duplicate();
  }

  async onModuleDestroy(): Promise<void> {
    this.client?.disconnect();
  }
}
