import { Injectable, Logger } from '@nestjs/common';
import { EventBus } from '@hub/core';
import type { LiveMessage } from './live-messages';

/** Puts a message on the events channel; every api process relays it to its sockets. */
@Injectable()
export class LivePublisher {
  private readonly logger = new Logger(LivePublisher.name);

  constructor(private readonly events: EventBus) {}

  async publish(message: LiveMessage): Promise<void> {
    // live updates are a convenience: a lost one is healed by the client's refetch
    await this.events.publish([message]).catch((error) => this.logger.warn({ err: error }, 'live event not published'));
  }
}
