import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { AppConfig, ScheduledWorkerHost, QUEUES, REWARD_JOBS, REWARD_SWEEP_SCHEDULE, RewardSweepPayload } from '@hub/core';
import { RewardNotices } from './reward-notices.service';
import { RewardsService } from './rewards.service';

/**
 * Every minute: rewards past their claim date expire (their commitment released) and notices
 * that could not be sent are retried. All of it is read from PostgreSQL, so a run that repeats
 * or overlaps another changes nothing twice.
 */
@Processor(QUEUES.rewards, { concurrency: 1 })
export class RewardSweepProcessor extends ScheduledWorkerHost<RewardSweepPayload> {
  constructor(
    private readonly rewards: RewardsService,
    private readonly notices: RewardNotices,
    @InjectQueue(QUEUES.rewards) queue: Queue<RewardSweepPayload>,
    config: AppConfig,
  ) {
    super(queue, { id: 'reward-sweep', repeat: REWARD_SWEEP_SCHEDULE, template: { name: REWARD_JOBS.sweep, data: {}, opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } } }, config.env.REQUEUE_SWEEP_MS);
  }

  async process(): Promise<{ expired: number; noticesSent: number }> {
    const expired = await this.rewards.expireDue();
    const noticesSent = await this.notices.sendDue();
    return { expired, noticesSent };
  }
}
