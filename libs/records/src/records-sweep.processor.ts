import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES, RECORDS_JOBS, RECORDS_SWEEP_SCHEDULE, RecordsSweepPayload } from '@hub/core';
import { CreditRecords } from './credit-records.service';

/** Hourly: subjects 3 years past their last case come off the blacklist (one idempotent statement). */
@Processor(QUEUES.records, { concurrency: 1 })
export class RecordsSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly records: CreditRecords,
    @InjectQueue(QUEUES.records) private readonly queue: Queue<RecordsSweepPayload>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('records-sweep', RECORDS_SWEEP_SCHEDULE, { name: RECORDS_JOBS.sweep, data: {}, opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } });
  }

  async process(): Promise<{ delisted: number }> {
    return { delisted: await this.records.delistDue() };
  }
}
