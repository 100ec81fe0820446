import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { AppConfig, ScheduledWorkerHost, QUEUES, SUPERVISION_JOBS, SUPERVISION_ROLLUP_SCHEDULE, SupervisionRollupPayload } from '@hub/core';
import { RollupRun, SupervisionRollup } from './supervision-rollup.service';

/** Every minute (and at start): the supervision rollups catch up with the ticket history. */
@Processor(QUEUES.supervision, { concurrency: 1 })
export class SupervisionRollupProcessor extends ScheduledWorkerHost<SupervisionRollupPayload> {
  constructor(
    private readonly rollup: SupervisionRollup,
    @InjectQueue(QUEUES.supervision) queue: Queue<SupervisionRollupPayload>,
    config: AppConfig,
  ) {
    super(queue, { id: 'supervision-rollup', repeat: SUPERVISION_ROLLUP_SCHEDULE, template: { name: SUPERVISION_JOBS.rollup, data: {}, opts: { attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } } }, config.env.REQUEUE_SWEEP_MS);
  }

  process(): Promise<RollupRun> {
    return this.rollup.run();
  }
}
