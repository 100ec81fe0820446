import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, JOBS, PipelineBatchIndex, QUEUES, returningRows, TicketJobName, TicketJobPayload } from '@hub/core';
import { appendHistory, SYSTEM_ACTOR } from '../ticket-history.writer';
import { PipelineSteps } from './pipeline-steps';

/**
 * The worker's walk of a ticket through its steps. Each step moves
 * `pipeline_step` forward with a conditional update, so a job that runs twice
 * finds the ticket past its step and does nothing.
 */
// a killed worker's active jobs are taken up again once their lock lapses
@Processor(QUEUES.tickets, { concurrency: 8, lockDuration: 15000, stalledInterval: 5000, maxStalledCount: 5 })
export class TicketPipelineProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly steps: PipelineSteps,
    private readonly config: AppConfig,
    private readonly batches: PipelineBatchIndex,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.env.WORKER_CONCURRENCY;
  }

  async process(job: Job<TicketJobPayload>): Promise<string> {
    const ticketIds = job.data.ticketIds ?? (job.data.ticketId ? [job.data.ticketId] : []);
    if (ticketIds.length === 0) throw new UnrecoverableError(`job ${job.id} carries no ticket id`);
    if (job.name !== JOBS.prepare) {
      const outcome = await this.steps.runMany(job.name, ticketIds);
      if (job.data.ticketIds) await this.batches.forget(job.name as TicketJobName, ticketIds);
      return outcome;
    }
    const outcomes: string[] = [];
    for (const ticketId of ticketIds) outcomes.push(await this.prepare(ticketId));
    return outcomes.join('; ');
  }

  /**
   * Marks a received ticket ready for classification and queues the next step. Intake now stores
   * tickets ready for classification and queues `classify` itself; this serves jobs queued before.
   */
  private async prepare(ticketId: string): Promise<string> {
    return this.db.transaction(async (tx) => {
      const exists: unknown[] = await tx.query(`SELECT 1 FROM tickets WHERE id = $1`, [ticketId]);
      if (exists.length === 0) throw new UnrecoverableError(`ticket ${ticketId} does not exist`);
      const moved = returningRows(
        await tx.query(`UPDATE tickets SET pipeline_step = 'CLASSIFY', updated_at = now() WHERE id = $1 AND pipeline_step = 'RECEIVED' RETURNING id`, [ticketId]),
      );
      if (moved.length === 0) return 'already prepared';
      await appendHistory(tx, { ticketId, actor: SYSTEM_ACTOR, action: 'READY_FOR_CLASSIFICATION' });
      await this.steps.queueNext(tx, JOBS.prepare, ticketId);
      return 'prepared';
    });
  }
}
