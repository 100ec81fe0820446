import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES, REWARD_JOBS, REWARD_SWEEP_SCHEDULE, RewardSweepPayload } from '@hub/core';
import { RewardNotices } from './reward-notices.service';
import { RewardsService } from './rewards.service';

/**
 * Every minute: rewards past their claim date expire (their commitment released) and notices
 * that could not be sent are retried. All of it is read from PostgreSQL, so a run that repeats
 * or overlaps another changes nothing twice.
 */
@Processor(QUEUES.rewards, { concurrency: 1 })
export class RewardSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly rewards: RewardsService,
    private readonly notices: RewardNotices,
    @InjectQueue(QUEUES.rewards) private readonly queue: Queue<RewardSweepPayload>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('reward-sweep', REWARD_SWEEP_SCHEDULE, { name: REWARD_JOBS.sweep, data: {}, opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } });
  }

  async process(): Promise<{ expired: number; noticesSent: number }> {
    const expired = await this.rewards.expireDue();
    const noticesSent = await this.notices.sendDue();
    return { expired, noticesSent };
  }
}
