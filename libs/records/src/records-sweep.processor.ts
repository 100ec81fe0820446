import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { AppConfig, ScheduledWorkerHost, QUEUES, RECORDS_JOBS, RECORDS_SWEEP_SCHEDULE, RecordsSweepPayload } from '@hub/core';
import { CreditRecords } from './credit-records.service';

/** Hourly: subjects 3 years past their last case come off the blacklist (one idempotent statement). */
@Processor(QUEUES.records, { concurrency: 1 })
export class RecordsSweepProcessor extends ScheduledWorkerHost<RecordsSweepPayload> {
  constructor(
    private readonly records: CreditRecords,
    @InjectQueue(QUEUES.records) queue: Queue<RecordsSweepPayload>,
    config: AppConfig,
  ) {
    super(queue, { id: 'records-sweep', repeat: RECORDS_SWEEP_SCHEDULE, template: { name: RECORDS_JOBS.sweep, data: {}, opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } } }, config.env.REQUEUE_SWEEP_MS);
  }

  async process(): Promise<{ delisted: number }> {
    return { delisted: await this.records.delistDue() };
  }
}
