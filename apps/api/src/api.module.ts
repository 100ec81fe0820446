import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { CoreModule, HubHealthModule } from '@hub/core';
import { IntakeModule } from '@hub/intake';
import { TicketsModule } from '@hub/tickets';

/** The HTTP process: feeds' intake, staff API, health. */
@Module({
  imports: [CoreModule, HubHealthModule, AuthModule, TicketsModule, IntakeModule],
})
export class ApiModule {}
