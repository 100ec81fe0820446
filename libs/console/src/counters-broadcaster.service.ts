import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConsoleGateway } from '@hub/live';
import { ConsoleQueries } from './console-queries.service';

const AT_MOST_EVERY_MS = 1000;

/** Pushes the counters bar to operators when tickets change, at most once a second per process. */
@Injectable()
export class CountersBroadcaster implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CountersBroadcaster.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly gateway: ConsoleGateway,
    private readonly queries: ConsoleQueries,
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
        this.gateway.emitToOperators('counters', await this.queries.counters());
      } catch (error) {
        this.logger.warn({ err: error }, 'counters not pushed');
      }
    }, AT_MOST_EVERY_MS);
  }
}
