import { Module } from '@nestjs/common';
import { TicketPipelineModule, TicketsModule } from '@hub/tickets';
import { ClassifyStep } from './classify.step';
import { DuplicateFinder } from './duplicates/duplicate-finder.service';
import { RoutingController } from './routing.controller';
import { RoutingModels } from './routing-models.service';
import { RuleSetsService } from './rule-sets/rule-sets.service';
import { WhatIfService } from './rule-sets/what-if.service';
import { RetrainProcessor } from './training/retrain.processor';
import { RetrainService } from './training/retrain.service';
import { TriageService } from './triage/triage.service';

/** API side: rule sets, what-if, classifier versions, operators' decisions. */
@Module({
  imports: [TicketsModule],
  controllers: [RoutingController],
  providers: [RoutingModels, RuleSetsService, WhatIfService, TriageService],
  exports: [RoutingModels, TriageService],
})
export class RoutingModule {}

/** Worker side: the classify step of the ticket pipeline and retraining. */
@Module({
  imports: [TicketsModule, TicketPipelineModule],
  providers: [RoutingModels, DuplicateFinder, ClassifyStep, RetrainService, RetrainProcessor],
  exports: [RoutingModels],
})
export class RoutingWorkerModule {}
