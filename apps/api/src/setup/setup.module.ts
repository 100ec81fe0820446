import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { CoreModule } from '@hub/core';
import { IntakeModule } from '@hub/intake';
import { RoutingModule } from '@hub/routing';
import { TicketsModule } from '@hub/tickets';
import { DemoData } from './demo-data';

@Module({ imports: [CoreModule, AuthModule, TicketsModule, IntakeModule, RoutingModule], providers: [DemoData] })
export class SetupModule {}
