import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { CasesModule } from '@hub/cases';
import { CoreModule } from '@hub/core';
import { IntakeModule } from '@hub/intake';
import { RewardsModule } from '@hub/rewards';
import { RoutingModule } from '@hub/routing';
import { TicketsModule } from '@hub/tickets';
import { DemoData } from './demo-data';
import { DemoRewards } from './demo-rewards';

@Module({ imports: [CoreModule, AuthModule, TicketsModule, IntakeModule, RoutingModule, CasesModule, RewardsModule], providers: [DemoData, DemoRewards] })
export class SetupModule {}
