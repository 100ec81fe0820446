import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig, keepScheduled, QUEUES, REWARD_JOBS, REWARD_SWEEP_SCHEDULE, RewardSweepPayload } from '@hub/core';
import { RewardNotices } from './reward-notices.service';
import { RewardsService } from './rewards.service';

/**
 * Every minute: rewards past their claim date expire (their commitment released) and notices
 * that could not be sent are retried. All of it is read from PostgreSQL, so a run that repeats
 * or overlaps another changes nothing twice.
 */
@Processor(QUEUES.rewards, { concurrency: 1 })
export class RewardSweepProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopSchedule: () => void = () => undefined;

  constructor(
    private readonly rewards: RewardsService,
    private readonly notices: RewardNotices,
    @InjectQueue(QUEUES.rewards) private readonly queue: Queue<RewardSweepPayload>,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const template = { name: REWARD_JOBS.sweep, data: {}, opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } };
    this.stopSchedule = await keepScheduled(this.queue, 'reward-sweep', REWARD_SWEEP_SCHEDULE, template, this.config.env.REQUEUE_SWEEP_MS);
  }

  onApplicationShutdown(): void {
    this.stopSchedule();
  }

  async process(): Promise<{ expired: number; noticesSent: number }> {
    const expired = await this.rewards.expireDue();
    const noticesSent = await this.notices.sendDue();
    return { expired, noticesSent };
  }
}
