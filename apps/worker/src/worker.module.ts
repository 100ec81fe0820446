import { Module } from '@nestjs/common';
import { CasesWorkerModule } from '@hub/cases';
import { CoreModule, OutboxRelay } from '@hub/core';
import { RecordsWorkerModule } from '@hub/records';
import { ReportsWorkerModule } from '@hub/reports';
import { RewardsWorkerModule } from '@hub/rewards';
import { RoutingWorkerModule } from '@hub/routing';
import { SupervisionWorkerModule } from '@hub/supervision';
import { TicketPipelineModule } from '@hub/tickets';
import { TrendsWorkerModule } from '@hub/trends';

/** The queue process: the outbox relay, the ticket pipeline (prepare, classify and route), retraining, deadline timers, the blacklist's delisting sweep, the trend watch, the supervision rollups, the half-year reports; no HTTP. */
@Module({
  imports: [CoreModule, TicketPipelineModule, RoutingWorkerModule, CasesWorkerModule, RewardsWorkerModule, RecordsWorkerModule, TrendsWorkerModule, SupervisionWorkerModule, ReportsWorkerModule],
  providers: [OutboxRelay],
})
export class WorkerModule {}
