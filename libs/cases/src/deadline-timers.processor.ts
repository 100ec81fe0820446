import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Clock } from '@hub/contracts';
import { AppConfig, CLOCK_JOBS, ClockJobPayload, clockJobId, QUEUES, TimeSource } from '@hub/core';
import { TicketClocks } from '@hub/tickets';
import { DeadlineEscalation } from './deadline-escalation.service';

/** A clock job is retried this often, 2 s apart at first, should it run early or fail. */
const CLOCK_JOB_OPTIONS = { attempts: 10, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 24 * 3600, count: 10000 }, removeOnFail: { age: 7 * 24 * 3600 } } as const;

/**
 * Arms BullMQ delayed jobs from `ticket_clocks` in PostgreSQL: at start and every
 * CLOCK_RECONCILE_MS, each escalation due within the horizon gets a job whose id names
 * ticket, clock, level and end, so arming twice, from several workers, is a no-op and a
 * restart or a lost Redis loses nothing.
 */
@Injectable()
export class DeadlineTimers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineTimers.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.clocks) private readonly queue: Queue<ClockJobPayload>,
    private readonly clocks: TicketClocks,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.reconcile();
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Arms every escalation due before the next two passes (and a minute); answers how many it offered. */
  reconcile(): Promise<number> {
    this.running ??= this.arm().finally(() => (this.running = null));
    return this.running;
  }

  private async arm(): Promise<number> {
    try {
      const now = this.time.now();
      const horizon = new Date(now.getTime() + Math.max(2 * this.config.env.CLOCK_RECONCILE_MS + 60_000, this.config.env.CLOCK_ARM_AHEAD_MS));
      const timers = await this.clocks.pendingTimers(this.db.manager, horizon);
      if (timers.length === 0) return 0;
      await this.queue.addBulk(
        timers.map((t) => {
          const data: ClockJobPayload = { ticketId: t.ticketId, clock: t.clock, level: t.level, dueAt: t.dueAt.toISOString(), at: t.at.toISOString(), stamp: t.stamp };
          return { name: CLOCK_JOBS.fire, data, opts: { ...CLOCK_JOB_OPTIONS, jobId: clockJobId(data), delay: Math.max(0, t.at.getTime() - now.getTime()) } };
        }),
      );
      return timers.length;
    } catch (error) {
      this.logger.warn({ err: error }, 'deadline timers not armed; next pass retries');
      return 0;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      await this.reconcile();
      this.schedule();
    }, this.config.env.CLOCK_RECONCILE_MS);
  }
}

@Processor(QUEUES.clocks, { concurrency: 4 })
export class DeadlineTimersProcessor extends WorkerHost {
  constructor(private readonly escalation: DeadlineEscalation) {
    super();
  }

  async process(job: Job<ClockJobPayload>): Promise<string> {
    const p = job.data;
    const outcome = await this.escalation.fire({ ticketId: p.ticketId, clock: p.clock as Clock, level: p.level, at: new Date(p.at) }, new Date(p.dueAt));
    // early by a clock skew between processes: fail so BullMQ retries after its backoff
    if (outcome === 'not yet') throw new Error(`clock job ${job.id} ran before ${p.at}`);
    return outcome;
  }
}
