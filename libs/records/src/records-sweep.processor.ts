import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig, keepScheduled, QUEUES, RECORDS_JOBS, RECORDS_SWEEP_SCHEDULE, RecordsSweepPayload } from '@hub/core';
import { CreditRecords } from './credit-records.service';

/** Hourly: subjects 3 years past their last case come off the blacklist (one idempotent statement). */
@Processor(QUEUES.records, { concurrency: 1 })
export class RecordsSweepProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopSchedule: () => void = () => undefined;

  constructor(
    private readonly records: CreditRecords,
    @InjectQueue(QUEUES.records) private readonly queue: Queue<RecordsSweepPayload>,
    private readonly config: AppConfig,
  ) {
    super();
  }

  /** Kept armed: a Redis that restarts without its data gets the schedule back from here. */
  async onApplicationBootstrap(): Promise<void> {
    const template = { name: RECORDS_JOBS.sweep, data: {}, opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } };
    this.stopSchedule = await keepScheduled(this.queue, 'records-sweep', RECORDS_SWEEP_SCHEDULE, template, this.config.env.REQUEUE_SWEEP_MS);
  }

  onApplicationShutdown(): void {
    this.stopSchedule();
  }

  async process(): Promise<{ delisted: number }> {
    return { delisted: await this.records.delistDue() };
  }
}
