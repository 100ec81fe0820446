import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { CoreModule } from '@hub/core';
import { IntakeModule } from '@hub/intake';
import { RewardsModule } from '@hub/rewards';
import { RoutingModule } from '@hub/routing';
import { TicketsModule } from '@hub/tickets';
import { DemoData } from './demo-data';

@Module({ imports: [CoreModule, AuthModule, TicketsModule, IntakeModule, RoutingModule, RewardsModule], providers: [DemoData] })
export class SetupModule {}
