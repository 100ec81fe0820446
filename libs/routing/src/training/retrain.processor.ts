import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { QUEUES, RETRAIN_SCHEDULE, RetrainJobPayload, ROUTING_JOBS } from '@hub/core';
import { RetrainService } from './retrain.service';

/** Worker side of retraining: the daily schedule and on-demand runs, one at a time. */
@Processor(QUEUES.routing, { concurrency: 1 })
export class RetrainProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly retrainer: RetrainService,
    @InjectQueue(QUEUES.routing) private readonly queue: Queue<RetrainJobPayload>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('daily-retrain', RETRAIN_SCHEDULE, { name: ROUTING_JOBS.retrain, data: { requestedBy: null }, opts: { attempts: 2, backoff: { type: 'fixed', delay: 60_000 } } });
  }

  async process(job: Job<RetrainJobPayload>) {
    return this.retrainer.retrain();
  }
}
