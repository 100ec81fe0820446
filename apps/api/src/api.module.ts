import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { CalendarModule } from '@hub/calendar';
import { CasesModule } from '@hub/cases';
import { CoreModule, HubHealthModule } from '@hub/core';
import { ConsoleModule } from '@hub/console';
import { IntakeModule } from '@hub/intake';
import { NotificationsModule } from '@hub/notifications';
import { RecordsModule } from '@hub/records';
import { ReportsModule } from '@hub/reports';
import { RewardsModule } from '@hub/rewards';
import { RoutingModule } from '@hub/routing';
import { SupervisionModule } from '@hub/supervision';
import { TicketsModule } from '@hub/tickets';
import { TrendsModule } from '@hub/trends';

/** The HTTP process: feeds' intake, staff API, routing administration, the operators' console, the units' workbench, the public portal and rewards, credit records and the public disclosure, trend alerts, supervision figures, half-year reports, health. */
@Module({
  imports: [CoreModule, HubHealthModule, AuthModule, TicketsModule, IntakeModule, RoutingModule, ConsoleModule, CasesModule, NotificationsModule, CalendarModule, RewardsModule, RecordsModule, TrendsModule, SupervisionModule, ReportsModule],
})
export class ApiModule {}
