import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { CasesModule } from '@hub/cases';
import { CoreModule } from '@hub/core';
import { IntakeModule } from '@hub/intake';
import { RecordsModule } from '@hub/records';
import { RewardsModule } from '@hub/rewards';
import { RoutingModule } from '@hub/routing';
import { SupervisionModule } from '@hub/supervision';
import { TicketsModule } from '@hub/tickets';
import { DemoData } from './demo-data';
import { DemoRewards } from './demo-rewards';
import { DemoSupervision } from './demo-supervision';

@Module({ imports: [CoreModule, AuthModule, TicketsModule, IntakeModule, RoutingModule, CasesModule, RewardsModule, RecordsModule, SupervisionModule], providers: [DemoData, DemoRewards, DemoSupervision] })
export class SetupModule {}
