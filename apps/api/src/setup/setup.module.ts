import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { CasesModule } from '@hub/cases';
import { CoreModule } from '@hub/core';
import { IntakeModule } from '@hub/intake';
import { RoutingModule } from '@hub/routing';
import { TicketsModule } from '@hub/tickets';
import { DemoData } from './demo-data';

@Module({ imports: [CoreModule, AuthModule, TicketsModule, IntakeModule, RoutingModule, CasesModule], providers: [DemoData] })
export class SetupModule {}
