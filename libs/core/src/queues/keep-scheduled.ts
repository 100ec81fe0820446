import { Logger } from '@nestjs/common';
import type { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';

const logger = new Logger('Schedules');

/**
 * Upserts a job scheduler now and again every `everyMs`: a Redis that lost its data
 * (restart without persistence, failover) gets the schedule back without a worker restart.
 * Upserting an unchanged scheduler is a no-op. Resolves, after the first upsert, to a function that stops the refresh.
 */
export async function keepScheduled<T>(
  queue: Pick<Queue, 'upsertJobScheduler'>,
  schedulerId: string,
  repeat: Omit<RepeatOptions, 'key'>,
  template: { name: string; data: T; opts?: JobSchedulerTemplateOptions },
  everyMs: number,
): Promise<() => void> {
  const upsert = () =>
    queue
      .upsertJobScheduler(schedulerId, repeat, template)
      .catch((error: unknown) => logger.warn({ err: error, schedulerId }, 'schedule not upserted; next pass retries'));
  await upsert();
  const timer = setInterval(() => void upsert(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
