import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, eventsChannel, RedisClient } from '@hub/core';
import type { LiveMessage } from './live-messages';

/** Puts a message on the events channel; every api process relays it to its sockets. */
@Injectable()
export class LivePublisher {
  private readonly logger = new Logger(LivePublisher.name);

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  async publish(message: LiveMessage): Promise<void> {
    // live updates are a convenience: a lost one is healed by the client's refetch
    await this.redis.redis.publish(eventsChannel(this.config.redisPrefix), JSON.stringify(message)).catch((error) => this.logger.warn({ err: error }, 'live event not published'));
  }
}
