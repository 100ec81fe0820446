import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config.service';
import { RedisClient } from '../redis/redis.provider';
import type { TicketJobName } from './jobs';

/** Longer than any batch waits in a queue; completed jobs are kept this long too (DEFAULT_JOB_OPTIONS). */
const MEMBERSHIP_TTL_S = 24 * 3600;
/** single-machine mode: the relay, the sweeper and the pipeline share the worker process */
const IN_MEMORY_LIMIT = 200_000;

/**
 * Which batch job carries a ticket through a pipeline step: the relay records it as it queues
 * the batch, the pipeline forgets it once the batch is done, and the sweeper reads it, so a
 * ticket waiting in a queued batch is not queued again. One key per (step, ticket) next to the
 * queues (`<prefix>:pipeline-batch:<step>:<ticketId>`, same hash slot), expiring on its own;
 * in single-machine mode a bounded map in the worker process. The index is a hint: a missing
 * or stale entry only means the sweeper looks at the ticket's own job, as it did before.
 */
@Injectable()
export class PipelineBatchIndex {
  private readonly logger = new Logger(PipelineBatchIndex.name);
  private readonly local = new Map<string, string>();

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  async record(step: TicketJobName, batches: Array<{ jobId: string; ticketIds: string[] }>): Promise<void> {
    const entries = batches.flatMap((b) => b.ticketIds.map((ticketId) => [this.key(step, ticketId), b.jobId] as const));
    if (entries.length === 0) return;
    if (!this.redis.enabled) {
      for (const [key, jobId] of entries) this.local.set(key, jobId);
      for (const key of this.local.keys()) {
        if (this.local.size <= IN_MEMORY_LIMIT) break;
        this.local.delete(key);
      }
      return;
    }
    const pipeline = this.redis.redis.pipeline();
    for (const [key, jobId] of entries) pipeline.set(key, jobId, 'EX', MEMBERSHIP_TTL_S);
    await this.quietly(pipeline.exec(), 'batch membership not recorded; the sweeper checks these tickets one by one');
  }

  /** The batch job recorded for each ticket that has one. */
  async jobIdsOf(step: TicketJobName, ticketIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (ticketIds.length === 0) return out;
    const keys = ticketIds.map((id) => this.key(step, id));
    const values = this.redis.enabled ? ((await this.quietly(this.redis.redis.mget(...keys), 'batch membership not read')) ?? []) : keys.map((k) => this.local.get(k) ?? null);
    ticketIds.forEach((id, i) => {
      const jobId = values[i];
      if (jobId) out.set(id, jobId);
    });
    return out;
  }

  async forget(step: TicketJobName, ticketIds: string[]): Promise<void> {
    const keys = ticketIds.map((id) => this.key(step, id));
    if (keys.length === 0) return;
    if (!this.redis.enabled) {
      for (const key of keys) this.local.delete(key);
      return;
    }
    await this.quietly(this.redis.redis.del(...keys), 'batch membership not forgotten; it expires');
  }

  private key(step: TicketJobName, ticketId: string): string {
    return `${this.config.redisPrefix}:pipeline-batch:${step}:${ticketId}`;
  }

  private async quietly<T>(work: Promise<T>, message: string): Promise<T | null> {
    try {
      return await work;
    } catch (error) {
      this.logger.warn({ err: error }, message);
      return null;
    }
  }
}
