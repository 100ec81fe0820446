import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig, keepScheduled, QUEUES, TREND_JOBS, TREND_SCAN_SCHEDULE, TrendScanPayload } from '@hub/core';
import { ScanResult, TrendAlerts } from './trend-alerts.service';

/** Every 10 minutes (and when a supervisor asks): count what arrived, test every key of the window, raise alerts. */
@Processor(QUEUES.trends, { concurrency: 1 })
export class TrendWatchProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopSchedule: () => void = () => undefined;

  constructor(
    private readonly alerts: TrendAlerts,
    @InjectQueue(QUEUES.trends) private readonly queue: Queue<TrendScanPayload>,
    private readonly config: AppConfig,
  ) {
    super();
  }

  /** Kept armed: a Redis that restarts without its data gets the schedule back from here. */
  async onApplicationBootstrap(): Promise<void> {
    const template = { name: TREND_JOBS.scan, data: { requestedBy: null }, opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } };
    this.stopSchedule = await keepScheduled(this.queue, 'trend-scan', TREND_SCAN_SCHEDULE, template, this.config.env.REQUEUE_SWEEP_MS);
  }

  onApplicationShutdown(): void {
    this.stopSchedule();
  }

  process(): Promise<ScanResult> {
    return this.alerts.scan();
  }
}
