import { Module } from '@nestjs/common';
import { LiveModule } from '@hub/live';
import { RoutingModule } from '@hub/routing';
import { TicketsModule } from '@hub/tickets';
import { ClaimsService } from './claims.service';
import { ConsoleActions } from './console-actions.service';
import { ConsoleQueries } from './console-queries.service';
import { ConsoleController } from './console.controller';
import { CountersBroadcaster } from './counters-broadcaster.service';
import { StaffContextController } from './staff-context.controller';

/** The operators' dispatch console API and its live counters. */
@Module({
  imports: [TicketsModule, RoutingModule, LiveModule],
  controllers: [ConsoleController, StaffContextController],
  providers: [ConsoleActions, ConsoleQueries, ClaimsService, CountersBroadcaster],
})
export class ConsoleModule {}
