import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { CoreModule, HubHealthModule } from '@hub/core';
import { ConsoleModule } from '@hub/console';
import { IntakeModule } from '@hub/intake';
import { RoutingModule } from '@hub/routing';
import { TicketsModule } from '@hub/tickets';

/** The HTTP process: feeds' intake, staff API, routing administration, the operators' console, health. */
@Module({
  imports: [CoreModule, HubHealthModule, AuthModule, TicketsModule, IntakeModule, RoutingModule, ConsoleModule],
})
export class ApiModule {}
