import { Module } from '@nestjs/common';
import { CoreModule, OutboxRelay } from '@hub/core';
import { TicketPipelineModule } from '@hub/tickets';

/** The queue process: the outbox relay and the ticket pipeline; no HTTP. */
@Module({
  imports: [CoreModule, TicketPipelineModule],
  providers: [OutboxRelay],
})
export class WorkerModule {}
