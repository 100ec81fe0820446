import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { NotificationsModule } from '@hub/notifications';
import { TicketsModule } from '@hub/tickets';
import { CaseActionsController } from './case-actions.controller';
import { CaseActions } from './case-actions.service';
import { CaseClosedHooks } from './case-closed.hooks';
import { CaseQueries } from './case-queries.service';
import { DeadlineEscalation } from './deadline-escalation.service';
import { DeadlineTimers, DeadlineTimersProcessor } from './deadline-timers.processor';
import { FindingsService } from './findings.service';
import { WorkbenchController } from './workbench.controller';

/**
 * API side of case handling: the lifecycle's endpoints, the workbench and the lists.
 * A feature that follows a close (rewards) imports this module and registers with
 * CaseClosedHooks in its onModuleInit.
 */
@Module({
  imports: [TicketsModule, NotificationsModule, AuthModule],
  controllers: [CaseActionsController, WorkbenchController],
  providers: [CaseActions, CaseQueries, FindingsService, CaseClosedHooks],
  exports: [CaseActions, CaseClosedHooks],
})
export class CasesModule {}

/** Worker side: deadline timers armed from PostgreSQL and their escalation. */
@Module({
  imports: [TicketsModule, NotificationsModule],
  providers: [DeadlineEscalation, DeadlineTimers, DeadlineTimersProcessor],
  exports: [DeadlineTimers],
})
export class CasesWorkerModule {}
