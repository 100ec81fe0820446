import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig, RedisClient } from '@hub/core';
import { ConsoleGateway, LivePublisher } from '@hub/live';
import { ConsoleQueries } from './console-queries.service';

const AT_MOST_EVERY_MS = 1000;

/**
 * Pushes the counters bar to operators when tickets change, at most once a second for the whole
 * deployment: every api process hears every event, the first to take the second's Redis lock
 * counts and publishes on the events channel, and every api relays that to its own operators.
 */
@Injectable()
export class CountersBroadcaster implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CountersBroadcaster.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly gateway: ConsoleGateway,
    private readonly queries: ConsoleQueries,
    private readonly live: LivePublisher,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.gateway.onMessage((message) => {
      if (message.event === 'ticket.created' || message.event === 'ticket.updated') this.schedule();
    });
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(async () => {
      this.timer = null;
      try {
        if (!(await this.takeTurn())) return;
        await this.live.publish({ event: 'counters', counters: await this.queries.counters() });
      } catch (error) {
        this.logger.warn({ err: error }, 'counters not pushed');
      }
    }, AT_MOST_EVERY_MS);
  }

  /** One process per second counts: the lock expires by itself, so a stopped process holds nothing. */
  private async takeTurn(): Promise<boolean> {
    const taken = await this.redis.redis.set(`${this.config.redisPrefix}:counters:turn`, String(process.pid), 'PX', AT_MOST_EVERY_MS - 50, 'NX');
    return taken === 'OK';
  }
}
