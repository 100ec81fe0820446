import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config.service';
import { eventsChannel } from '../queues/jobs';
import { RedisClient } from '../redis/redis.provider';
import { EventBus } from './event-bus';

/** The events channel as Redis pub/sub. */
@Injectable()
export class RedisEventBus extends EventBus implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisEventBus.name);
  private subscriber: Redis | null = null;
  private readonly listeners: Array<(raw: string) => void> = [];

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async publish(messages: readonly unknown[]): Promise<void> {
    if (messages.length === 0) return;
    const pipeline = this.redis.redis.pipeline();
    for (const message of messages) pipeline.publish(eventsChannel(this.config.redisPrefix), JSON.stringify(message));
    // a pipeline answers each command's failure in its results rather than rejecting
    const failed = (await pipeline.exec())?.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async subscribe(listener: (raw: string) => void): Promise<void> {
    this.listeners.push(listener);
    if (this.subscriber) return;
    // the subscriber queues commands until connected, unlike the fail-fast command client
    this.subscriber = this.redis.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('error', (error) => this.logger.warn({ err: error }, 'events subscriber error'));
    this.subscriber.on('message', (_channel, raw: string) => {
      for (const l of this.listeners) l(raw);
    });
    await this.subscriber.subscribe(eventsChannel(this.config.redisPrefix));
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
  }
}
