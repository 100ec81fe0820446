import { Module } from '@nestjs/common';
import { CasesWorkerModule } from '@hub/cases';
import { CoreModule, OutboxRelay } from '@hub/core';
import { RewardsWorkerModule } from '@hub/rewards';
import { RoutingWorkerModule } from '@hub/routing';
import { TicketPipelineModule } from '@hub/tickets';

/** The queue process: the outbox relay, the ticket pipeline (prepare, classify and route), retraining, deadline timers; no HTTP. */
@Module({
  imports: [CoreModule, TicketPipelineModule, RoutingWorkerModule, CasesWorkerModule, RewardsWorkerModule],
  providers: [OutboxRelay],
})
export class WorkerModule {}
