import { WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';
import { keepScheduled } from './keep-scheduled';

/** A recurring job: its scheduler id, when it repeats, and the job it makes each time. */
export interface JobSchedule<T> {
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  template: { name: string; data: T; opts?: JobSchedulerTemplateOptions };
}

/**
 * A queue's consumer that also keeps the queue's schedule armed: a Redis that restarts without
 * its data gets the schedule back from here, every `armEveryMs`, without a worker restart.
 */
export abstract class ScheduledWorkerHost<T> extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopSchedule: () => void = () => undefined;

  protected constructor(
    private readonly scheduledQueue: Queue<T>,
    private readonly schedule: JobSchedule<T>,
    private readonly armEveryMs: number,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.stopSchedule = await keepScheduled(this.scheduledQueue, this.schedule.id, this.schedule.repeat, this.schedule.template, this.armEveryMs);
  }

  onApplicationShutdown(): void {
    this.stopSchedule();
  }
}
