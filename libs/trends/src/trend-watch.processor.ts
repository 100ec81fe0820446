import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { AppConfig, ScheduledWorkerHost, QUEUES, TREND_JOBS, TREND_SCAN_SCHEDULE, TrendScanPayload } from '@hub/core';
import { ScanResult, TrendAlerts } from './trend-alerts.service';

/** Every 10 minutes (and when a supervisor asks): count what arrived, test every key of the window, raise alerts. */
@Processor(QUEUES.trends, { concurrency: 1 })
export class TrendWatchProcessor extends ScheduledWorkerHost<TrendScanPayload> {
  constructor(
    private readonly alerts: TrendAlerts,
    @InjectQueue(QUEUES.trends) queue: Queue<TrendScanPayload>,
    config: AppConfig,
  ) {
    super(queue, { id: 'trend-scan', repeat: TREND_SCAN_SCHEDULE, template: { name: TREND_JOBS.scan, data: { requestedBy: null }, opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } } }, config.env.REQUEUE_SWEEP_MS);
  }

  process(): Promise<ScanResult> {
    return this.alerts.scan();
  }
}
