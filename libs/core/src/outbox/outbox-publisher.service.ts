import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { returningRows } from '../database/query-result';
import { EventBus } from '../events/event-bus';
import { DEFAULT_JOB_OPTIONS, JOBS, OUTBOX_TOPICS, PIPELINE_BATCH, PipelineOutboxPayload, QUEUES, ticketBatchJobId, ticketJobId, TicketJobName, TicketJobPayload } from '../queues/jobs';
import { PipelineBatchIndex } from '../queues/pipeline-batch-index';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox.writer';

export interface OutboxRow {
  id: string;
  topic: string;
  ticket_id: string | null;
  payload: Record<string, unknown>;
}

const PUBLISH_TIMEOUT_MS = 5000;

type PipelineJob = { name: string; data: TicketJobPayload; opts: JobsOptions };

/**
 * Hands committed outbox entries to BullMQ and the events channel: for the relay, and right after
 * the commit that wrote them (`flush`, for live events), so those leave without waiting for the
 * relay's pass. Either way a row is marked only in the transaction that published it, so whatever
 * a flush could not send stays for the relay.
 */
@Injectable()
export class OutboxPublisher {
  private readonly logger = new Logger(OutboxPublisher.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.tickets) private readonly queue: Queue,
    private readonly events: EventBus,
    private readonly batches: PipelineBatchIndex,
  ) {}

  /** Publishes rows that the caller holds locked, within PUBLISH_TIMEOUT_MS or not at all. */
  publish(rows: OutboxRow[]): Promise<void> {
    return withTimeout(this.send(rows), PUBLISH_TIMEOUT_MS);
  }

  /**
   * Publishes the given entries unless another process already did. The UPDATE takes their row
   * locks, so a relay pass running meanwhile skips them; should publishing fail, the marks roll
   * back and the relay is woken to try again.
   */
  async flush(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      await this.db.transaction(async (tx) => {
        // a mark lost in a crash only means the relay sends the event again: no need to wait for the disk
        await tx.query(`SET LOCAL synchronous_commit = off`);
        const rows = returningRows<OutboxRow>(
          await tx.query(
            `UPDATE outbox SET published_at = clock_timestamp(), attempts = attempts + 1 WHERE id = ANY($1::bigint[]) AND published_at IS NULL RETURNING id, topic, ticket_id, payload`,
            [ids],
          ),
        );
        if (rows.length > 0) await this.publish(rows.sort(byId));
      });
    } catch (error) {
      this.logger.warn({ err: error, entries: ids.length }, 'outbox entries not published after their commit; left for the relay');
      await this.db.query(`SELECT pg_notify('${OUTBOX_NOTIFY_CHANNEL}', '')`).catch(() => undefined);
    }
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    // events first: a ticket's creation is on the channel before the job that routes it is queued
    await this.events.publish(rows.filter((r) => r.topic === OUTBOX_TOPICS.event).map((r) => r.payload));
    const jobs = pipelineJobs(rows);
    // recorded before queueing, so a queued batch is never without its members (the sweeper reads them)
    for (const [step, batches] of batchesByStep(jobs)) await this.batches.record(step, batches);
    if (jobs.length > 0) await this.queue.addBulk(jobs);
  }
}

/** Outbox ids are bigints as text: shorter is smaller. */
function byId(a: OutboxRow, b: OutboxRow): number {
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Pipeline entries travel in jobs of up to PIPELINE_BATCH tickets of one step; the legacy `prepare` one job per ticket. */
function pipelineJobs(rows: OutboxRow[]): PipelineJob[] {
  const byStep = new Map<TicketJobName, string[]>();
  for (const r of rows) {
    if (r.topic !== OUTBOX_TOPICS.pipeline || !r.ticket_id) continue;
    const { job } = r.payload as unknown as PipelineOutboxPayload;
    const ids = byStep.get(job);
    if (ids) ids.push(r.ticket_id);
    else byStep.set(job, [r.ticket_id]);
  }
  return [...byStep].flatMap(([step, ids]): PipelineJob[] => {
    const unique = [...new Set(ids)];
    if (step === JOBS.prepare) return unique.map((ticketId) => ({ name: step, data: { ticketId }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: ticketJobId(step, ticketId) } }));
    const jobs: PipelineJob[] = [];
    for (let i = 0; i < unique.length; i += PIPELINE_BATCH) {
      const ticketIds = unique.slice(i, i + PIPELINE_BATCH);
      jobs.push({ name: step, data: { ticketIds }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: ticketBatchJobId(step, ticketIds) } });
    }
    return jobs;
  });
}

function batchesByStep(jobs: PipelineJob[]): Map<TicketJobName, Array<{ jobId: string; ticketIds: string[] }>> {
  const out = new Map<TicketJobName, Array<{ jobId: string; ticketIds: string[] }>>();
  for (const job of jobs) {
    if (!job.data.ticketIds || !job.opts.jobId) continue;
    const step = job.name as TicketJobName;
    out.set(step, [...(out.get(step) ?? []), { jobId: job.opts.jobId, ticketIds: job.data.ticketIds }]);
  }
  return out;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
