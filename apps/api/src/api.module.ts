import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { CoreModule, HubHealthModule } from '@hub/core';
import { ConsoleModule } from '@hub/console';
import { IntakeModule } from '@hub/intake';
import { RewardsModule } from '@hub/rewards';
import { RoutingModule } from '@hub/routing';
import { TicketsModule } from '@hub/tickets';

/** The HTTP process: feeds' intake, staff API, routing administration, the operators' console, the public portal and rewards, health. */
@Module({
  imports: [CoreModule, HubHealthModule, AuthModule, TicketsModule, IntakeModule, RoutingModule, ConsoleModule, RewardsModule],
})
export class ApiModule {}
