import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig, keepScheduled, QUEUES, SUPERVISION_JOBS, SUPERVISION_ROLLUP_SCHEDULE, SupervisionRollupPayload } from '@hub/core';
import { RollupRun, SupervisionRollup } from './supervision-rollup.service';

/** Every minute (and at start): the supervision rollups catch up with the ticket history. */
@Processor(QUEUES.supervision, { concurrency: 1 })
export class SupervisionRollupProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopSchedule: () => void = () => undefined;

  constructor(
    private readonly rollup: SupervisionRollup,
    @InjectQueue(QUEUES.supervision) private readonly queue: Queue<SupervisionRollupPayload>,
    private readonly config: AppConfig,
  ) {
    super();
  }

  /** Kept armed: a Redis that restarts without its data gets the schedule back from here. */
  async onApplicationBootstrap(): Promise<void> {
    const template = { name: SUPERVISION_JOBS.rollup, data: {}, opts: { attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } };
    this.stopSchedule = await keepScheduled(this.queue, 'supervision-rollup', SUPERVISION_ROLLUP_SCHEDULE, template, this.config.env.REQUEUE_SWEEP_MS);
  }

  onApplicationShutdown(): void {
    this.stopSchedule();
  }

  process(): Promise<RollupRun> {
    return this.rollup.run();
  }
}
