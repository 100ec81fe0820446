import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { AppConfig, ScheduledWorkerHost, QUEUES, RETRAIN_SCHEDULE, RetrainJobPayload, ROUTING_JOBS } from '@hub/core';
import { RetrainService } from './retrain.service';

/** Worker side of retraining: the daily schedule and on-demand runs, one at a time. */
@Processor(QUEUES.routing, { concurrency: 1 })
export class RetrainProcessor extends ScheduledWorkerHost<RetrainJobPayload> {
  constructor(
    private readonly retrainer: RetrainService,
    @InjectQueue(QUEUES.routing) queue: Queue<RetrainJobPayload>,
    config: AppConfig,
  ) {
    super(queue, { id: 'daily-retrain', repeat: RETRAIN_SCHEDULE, template: { name: ROUTING_JOBS.retrain, data: { requestedBy: null }, opts: { attempts: 2, backoff: { type: 'fixed', delay: 60_000 } } } }, config.env.REQUEUE_SWEEP_MS);
  }

  async process(job: Job<RetrainJobPayload>) {
    return this.retrainer.retrain();
  }
}
