import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, DEFAULT_JOB_OPTIONS, JOBS, QUEUES, TicketJobName, TicketJobPayload, ticketJobId } from '@hub/core';

/** The job that moves a ticket out of each pipeline step. */
const STEP_JOBS: Record<string, TicketJobName> = { RECEIVED: JOBS.prepare, CLASSIFY: JOBS.classify };
const BATCH = 500;

/**
 * PostgreSQL is the truth for where each ticket is in its pipeline: a ticket whose step
 * has not moved for REQUEUE_AFTER_MS and whose job is gone (Redis restarted without its
 * data) or failed for good gets that job again. Job ids make a second copy a no-op, and
 * each step checks the ticket's step first, so a job that runs twice changes nothing.
 */
@Injectable()
export class PipelineSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PipelineSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.tickets) private readonly queue: Queue<TicketJobPayload>,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.env.REQUEUE_SWEEP_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass over tickets whose step has not moved for `stalledMs`; answers how many jobs it queued again. */
  sweep(stalledMs = this.config.env.REQUEUE_AFTER_MS): Promise<number> {
    this.running ??= this.requeueStalled(stalledMs)
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'pipeline sweep failed; next pass retries');
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  private async requeueStalled(stalledMs: number): Promise<number> {
    let requeued = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<{ id: string; pipeline_step: string }> = await this.db.query(
        `SELECT id, pipeline_step FROM tickets
          WHERE pipeline_step = ANY($1::text[]) AND status = 'RECEIVED' AND updated_at < now() - make_interval(secs => $2::double precision / 1000) AND id > $3
          ORDER BY id LIMIT ${BATCH}`,
        [Object.keys(STEP_JOBS), stalledMs, after],
      );
      for (const row of rows) if (await this.requeue(STEP_JOBS[row.pipeline_step], row.id)) requeued++;
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].id;
    }
    if (requeued > 0) this.logger.warn({ requeued }, 'pipeline steps whose job was lost or failed were queued again');
    return requeued;
  }

  private async requeue(step: TicketJobName, ticketId: string): Promise<boolean> {
    const jobId = ticketJobId(step, ticketId);
    const job = await this.queue.getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    if (state === 'failed') {
      await job!.retry('failed');
      return true;
    }
    // finished, yet the ticket did not move: the step's effect was lost, run it anew
    if (state === 'completed') await job!.remove();
    if (state === 'missing' || state === 'unknown' || state === 'completed') {
      await this.queue.add(step, { ticketId }, { ...DEFAULT_JOB_OPTIONS, jobId });
      return true;
    }
    return false;
  }
}
