import { InjectQueue } from '@nestjs/bullmq';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CurrentViewer, Roles } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { QUEUES, RetrainJobPayload, ROUTING_JOBS } from '@hub/core';
import { RuleSetBody, ValidateRuleSetBody, WhatIfBody } from './rule-sets/rule-sets.dto';
import { RuleSetsService } from './rule-sets/rule-sets.service';
import { WhatIfService } from './rule-sets/what-if.service';

@ApiTags('routing')
@ApiBearerAuth()
@Controller('routing')
export class RoutingController {
  constructor(
    private readonly ruleSets: RuleSetsService,
    private readonly whatIf: WhatIfService,
    @InjectQueue(QUEUES.routing) private readonly routingQueue: Queue<RetrainJobPayload>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get('rule-sets')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOperation({ summary: 'Rule set versions, newest first (one ACTIVE)' })
  list() {
    return this.ruleSets.list();
  }

  @Get('rule-sets/:version')
  @Roles('ADMIN', 'SUPERVISOR')
  get(@Param('version') version: string) {
    return this.ruleSets.get(version);
  }

  @Post('rule-sets')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Store a new rule set as a DRAFT (refused with its problems when invalid)' })
  create(@Body() body: RuleSetBody, @CurrentViewer() viewer: Viewer) {
    return this.ruleSets.create(body, viewer);
  }

  @Post('rule-sets/validate')
  @Roles('ADMIN')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check rules without storing them' })
  validate(@Body() body: ValidateRuleSetBody) {
    return this.ruleSets.validate(body.rules);
  }

  @Post('rule-sets/:version/activate')
  @Roles('ADMIN')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make a rule set the one that routes new tickets' })
  activate(@Param('version') version: string, @CurrentViewer() viewer: Viewer) {
    return this.ruleSets.activate(version, viewer);
  }

  @Post('what-if')
  @Roles('ADMIN', 'SUPERVISOR')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay the last N days under a candidate rule set or classifier: which tickets would move, from which unit to which' })
  async replay(@Body() body: WhatIfBody) {
    const ruleSet = await this.ruleSets.resolve(body.ruleSetVersion, body.rules);
    return this.whatIf.replay({ ruleSet, classifierVersion: body.classifierVersion, days: body.days ?? 30 });
  }

  @Get('classifiers')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOperation({ summary: 'Classifier versions with their held-out scores' })
  classifiers() {
    return this.db.query(`SELECT version, status, metrics, example_count AS "exampleCount", created_at AS "createdAt", activated_at AS "activatedAt" FROM classifier_models ORDER BY created_at DESC`);
  }

  @Post('classifiers/retrain')
  @Roles('ADMIN')
  @HttpCode(202)
  @ApiOperation({ summary: 'Retrain now (the worker publishes the result only if it routes held-out examples better)' })
  async retrain(@CurrentViewer() viewer: Viewer) {
    const job = await this.routingQueue.add(ROUTING_JOBS.retrain, { requestedBy: viewer.username }, { attempts: 1, removeOnComplete: { count: 50 } });
    return { jobId: job.id };
  }
}
