import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { CurrentViewer, Roles } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { QUEUES, TREND_JOBS, TrendScanPayload } from '@hub/core';
import type { TrendScanQueued } from '@hub/contracts';
import { TrendAlerts } from './trend-alerts.service';
import { TrendAlertResponse, TrendAlertsQuery, TrendAlertsResponse, TrendScanQueuedResponse } from './trends.dto';

/** One manual scan waits at a time: a second click while it waits adds nothing. */
const MANUAL_SCAN_JOB_ID = 'trend-scan-manual';

@ApiTags('trend watch')
@ApiBearerAuth()
@Controller('trends')
export class TrendsController {
  constructor(
    private readonly alerts: TrendAlerts,
    @InjectQueue(QUEUES.trends) private readonly queue: Queue<TrendScanPayload>,
  ) {}

  @Get('alerts')
  @Roles('SUPERVISOR')
  @ApiOperation({ summary: 'Trend alerts (open first, then the latest), optionally of one status' })
  @ApiOkResponse({ type: TrendAlertsResponse })
  list(@Query() query: TrendAlertsQuery) {
    return this.alerts.list(query.status);
  }

  @Post('alerts/:id/acknowledge')
  @HttpCode(200)
  @Roles('SUPERVISOR')
  @ApiOperation({ summary: 'Acknowledge an open alert (it comes back if the count grows by half again); 409 ALREADY_ACKNOWLEDGED' })
  @ApiOkResponse({ type: TrendAlertResponse })
  @ApiNotFoundResponse({ description: 'no such alert' })
  @ApiConflictResponse({ description: 'ALREADY_ACKNOWLEDGED' })
  acknowledge(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.alerts.acknowledge(viewer, id);
  }

  @Post('scan')
  @HttpCode(202)
  @Roles('SUPERVISOR')
  @ApiOperation({ summary: 'Run the trend watch now instead of at its next 10-minute pass; alerts arrive over the socket' })
  @ApiAcceptedResponse({ type: TrendScanQueuedResponse })
  async scan(@CurrentViewer() viewer: Viewer): Promise<TrendScanQueued> {
    await this.queue.add(TREND_JOBS.scan, { requestedBy: viewer.username }, { jobId: MANUAL_SCAN_JOB_ID, attempts: 1, removeOnComplete: true, removeOnFail: true });
    return { queued: true };
  }
}
