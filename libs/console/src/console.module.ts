import { Module } from '@nestjs/common';
import { RoutingModule } from '@hub/routing';
import { TicketsModule } from '@hub/tickets';
import { ConsoleController } from './console.controller';
import { ConsoleActions } from './console-actions.service';

/** The operators' dispatch console API. */
@Module({ imports: [TicketsModule, RoutingModule], controllers: [ConsoleController], providers: [ConsoleActions] })
export class ConsoleModule {}
