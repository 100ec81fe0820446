import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { AppConfig, keepScheduled, QUEUES, RETRAIN_SCHEDULE, RetrainJobPayload, ROUTING_JOBS } from '@hub/core';
import { RetrainService } from './retrain.service';

/** Worker side of retraining: the daily schedule and on-demand runs, one at a time. */
@Processor(QUEUES.routing, { concurrency: 1 })
export class RetrainProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopSchedule: () => void = () => undefined;

  constructor(
    private readonly retrainer: RetrainService,
    @InjectQueue(QUEUES.routing) private readonly queue: Queue<RetrainJobPayload>,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const template = { name: ROUTING_JOBS.retrain, data: { requestedBy: null }, opts: { attempts: 2, backoff: { type: 'fixed', delay: 60_000 } } };
    this.stopSchedule = await keepScheduled(this.queue, 'daily-retrain', RETRAIN_SCHEDULE, template, this.config.env.REQUEUE_SWEEP_MS);
  }

  onApplicationShutdown(): void {
    this.stopSchedule();
  }

  async process(job: Job<RetrainJobPayload>) {
    return this.retrainer.retrain();
  }
}
