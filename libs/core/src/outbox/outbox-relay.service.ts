import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsOptions, Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.service';
import { EventBus } from '../events/event-bus';
import { DEFAULT_JOB_OPTIONS, JOBS, OUTBOX_TOPICS, PIPELINE_BATCH, PipelineOutboxPayload, QUEUES, ticketBatchJobId, ticketJobId, TicketJobName, TicketJobPayload } from '../queues/jobs';
import { PipelineBatchIndex } from '../queues/pipeline-batch-index';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox.writer';

interface OutboxRow {
  id: string;
  topic: string;
  ticket_id: string | null;
  payload: Record<string, unknown>;
}

const BATCH = 1000;
const PUBLISH_TIMEOUT_MS = 5000;
/** with LISTEN working, polling only catches what a lost notification missed */
const LISTENING_POLL_MS = 2000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
/**
 * A notification waits this long before the drain, so that the commits of a busy moment leave as
 * one batch: fewer, larger jobs, each reading its duplicate pools once for more tickets. Small
 * beside the time a ticket takes to route, and nothing when it is quiet (one notification, one drain).
 */
const LINGER_MS = 20;

/**
 * Moves committed outbox entries into BullMQ and onto the events channel, at least
 * once: rows are claimed with SKIP LOCKED (several relays may run) and marked only
 * after the queue and the channel took them; job ids make a second delivery a no-op.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = false;
  private lastPrune = 0;
  private lingering: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.tickets) private readonly queue: Queue,
    private readonly events: EventBus,
    private readonly config: AppConfig,
    private readonly batches: PipelineBatchIndex,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.schedule();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.lingering) clearTimeout(this.lingering);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }

  /** Drains until nothing is pending; concurrent wake-ups fold into one more pass. */
  wake(): Promise<void> {
    if (this.draining) {
      this.wakeAgain = true;
      return this.draining;
    }
    this.draining = this.drainAll().finally(() => {
      this.draining = null;
      if (this.wakeAgain && !this.stopped) {
        this.wakeAgain = false;
        void this.wake();
      }
    });
    return this.draining;
  }

  private wakeShortly(): void {
    if (this.lingering || this.stopped) return;
    this.lingering = setTimeout(() => {
      this.lingering = null;
      void this.wake();
    }, LINGER_MS);
  }

  private async drainAll(): Promise<void> {
    try {
      while (!this.stopped && (await this.drainBatch()) === BATCH);
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay could not publish; will retry');
    }
  }

  private async drainBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT id, topic, ticket_id, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      await withTimeout(this.publish(rows), PUBLISH_TIMEOUT_MS);
      await markPublished(tx, rows);
      return rows.length;
    });
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    const jobs = pipelineJobs(rows);
    // one round trip for the jobs and one for the events, whatever the batch size
    // recorded first, so a queued batch is never without its members (the sweeper reads them)
    for (const [step, batches] of batchesByStep(jobs)) await this.batches.record(step, batches);
    if (jobs.length > 0) await this.queue.addBulk(jobs);
    await this.events.publish(rows.filter((r) => r.topic === OUTBOX_TOPICS.event).map((r) => r.payload));
  }

  /** Published rows are kept a few days for tracing, then removed. */
  private async prunePublished(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.db.query(`DELETE FROM outbox WHERE published_at < now() - interval '3 days'`).catch((error) => this.logger.warn({ err: error }, 'outbox prune failed'));
  }

  private async listen(): Promise<void> {
    const db = this.config.database;
    const client = new Client({ host: db.host, port: db.port, user: db.username, password: db.password, database: db.database });
    client.on('notification', () => this.wakeShortly());
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'outbox listener lost its connection; polling until it is back');
      this.listener = null;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox listener could not connect; polling');
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      if (!this.listener) await this.listen();
      await this.wake();
      await this.prunePublished();
      this.schedule();
    }, this.listener ? LISTENING_POLL_MS : this.config.env.OUTBOX_POLL_MS);
  }
}

/** Pipeline entries travel in jobs of up to PIPELINE_BATCH tickets of one step; the legacy `prepare` one job per ticket. */
function pipelineJobs(rows: OutboxRow[]): Array<{ name: string; data: TicketJobPayload; opts: JobsOptions }> {
  const byStep = new Map<TicketJobName, string[]>();
  for (const r of rows) {
    if (r.topic !== OUTBOX_TOPICS.pipeline || !r.ticket_id) continue;
    const { job } = r.payload as unknown as PipelineOutboxPayload;
    const ids = byStep.get(job);
    if (ids) ids.push(r.ticket_id);
    else byStep.set(job, [r.ticket_id]);
  }
  return [...byStep].flatMap(([step, ids]): Array<{ name: string; data: TicketJobPayload; opts: JobsOptions }> => {
    const unique = [...new Set(ids)];
    if (step === JOBS.prepare) return unique.map((ticketId) => ({ name: step, data: { ticketId }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: ticketJobId(step, ticketId) } }));
    const jobs: Array<{ name: string; data: TicketJobPayload; opts: JobsOptions }> = [];
    for (let i = 0; i < unique.length; i += PIPELINE_BATCH) {
      const ticketIds = unique.slice(i, i + PIPELINE_BATCH);
      jobs.push({ name: step, data: { ticketIds }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: ticketBatchJobId(step, ticketIds) } });
    }
    return jobs;
  });
}

function batchesByStep(jobs: Array<{ name: string; data: TicketJobPayload; opts: JobsOptions }>): Map<TicketJobName, Array<{ jobId: string; ticketIds: string[] }>> {
  const out = new Map<TicketJobName, Array<{ jobId: string; ticketIds: string[] }>>();
  for (const job of jobs) {
    if (!job.data.ticketIds || !job.opts.jobId) continue;
    const step = job.name as TicketJobName;
    out.set(step, [...(out.get(step) ?? []), { jobId: job.opts.jobId, ticketIds: job.data.ticketIds }]);
  }
  return out;
}

async function markPublished(tx: EntityManager, rows: OutboxRow[]): Promise<void> {
  await tx.query(`UPDATE outbox SET published_at = clock_timestamp(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
