import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { PipelineSteps } from './pipeline-steps';
import { AppConfig, DEFAULT_JOB_OPTIONS, JOBS, PipelineBatchIndex, QUEUES, TicketJobName, TicketJobPayload, ticketJobId } from '@hub/core';

/** The job that moves a ticket out of each pipeline step. */
const STEP_JOBS: Record<string, TicketJobName> = { RECEIVED: JOBS.prepare, CLASSIFY: JOBS.classify };
const BATCH = 500;

/** A ticket and the step job it waits for. */
interface DueStep {
  id: string;
  job: TicketJobName;
}
/** a batch job in one of these states will still run its tickets */
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * PostgreSQL is the truth for where each ticket is in its pipeline: a ticket whose step
 * has not moved for REQUEUE_AFTER_MS and whose job is gone (Redis restarted without its
 * data) or failed for good gets that job again. Job ids make a second copy a no-op, and
 * each step checks the ticket's step first, so a job that runs twice changes nothing.
 * A ticket that waits in a live batch job (as the relay queues `classify`) is left alone:
 * the batch index says which batch carries it, one read per page and one look per batch.
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
    private readonly batches: PipelineBatchIndex,
    private readonly steps: PipelineSteps,
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
      requeued += await this.requeueUncovered(rows.map((r) => ({ id: r.id, job: STEP_JOBS[r.pipeline_step] })));
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].id;
    }
    for (const step of this.steps.withOverdue()) {
      requeued += await this.requeueUncovered((await step.overdue(stalledMs, BATCH)).map((id) => ({ id, job: step.name })));
    }
    if (requeued > 0) this.logger.warn({ requeued }, 'pipeline steps whose job was lost or failed were queued again');
    return requeued;
  }

  private async requeueUncovered(due: DueStep[]): Promise<number> {
    const covered = await this.coveredByLiveBatches(due);
    let requeued = 0;
    for (const { id, job } of due) if (!covered.has(id) && (await this.requeue(job, id))) requeued++;
    return requeued;
  }

  /** Tickets of the page that a waiting, delayed or active batch job will still take through their step. */
  private async coveredByLiveBatches(due: DueStep[]): Promise<Set<string>> {
    const covered = new Set<string>();
    for (const step of new Set(due.map((d) => d.job))) {
      const jobIds = await this.batches.jobIdsOf(step, due.filter((d) => d.job === step).map((d) => d.id));
      const live = new Map<string, boolean>();
      for (const jobId of new Set(jobIds.values())) {
        const job = await this.queue.getJob(jobId);
        live.set(jobId, job ? LIVE_STATES.has(await job.getState()) : false);
      }
      for (const [ticketId, jobId] of jobIds) if (live.get(jobId)) covered.add(ticketId);
    }
    return covered;
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
