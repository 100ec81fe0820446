import { Module } from '@nestjs/common';
import { CoreModule, OutboxRelay } from '@hub/core';
import { RoutingWorkerModule } from '@hub/routing';
import { TicketPipelineModule } from '@hub/tickets';

/** The queue process: the outbox relay, the ticket pipeline (prepare, classify and route), retraining; no HTTP. */
@Module({
  imports: [CoreModule, TicketPipelineModule, RoutingWorkerModule],
  providers: [OutboxRelay],
})
export class WorkerModule {}
