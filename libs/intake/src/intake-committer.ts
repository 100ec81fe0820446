import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { feedActor, StoreItem, TicketStore } from '@hub/tickets';
import type { TicketDraft } from '@hub/tickets/ticket-draft';
import type { AcceptedEntry, IntakeOutcome, RejectedEntry } from './intake-response';
import { markParsedMany } from './raw/raw-records.service';

/** One request's parsed records, waiting to be committed. */
export interface IntakeUnit {
  rawId: string;
  feed: string;
  drafts: Array<{ index: number; externalId: string; draft: TicketDraft }>;
  rejected: RejectedEntry[];
}

interface Pending {
  unit: IntakeUnit;
  resolve: (outcome: IntakeOutcome) => void;
  reject: (error: unknown) => void;
}

/** Records per transaction: big enough to spread a commit over many requests, small enough to hold locks briefly. */
const MAX_RECORDS_PER_COMMIT = 1000;
/** Transactions in flight at once, so that one commit's wait overlaps the next one's statements. */
const MAX_IN_FLIGHT = 2;

/**
 * Group commit for intake: requests that arrive while a transaction is in flight are committed
 * together in the next one, with bulk statements. Each request is answered only after the
 * transaction holding its records has committed (a 202 still means committed). Should a shared
 * transaction fail, every request in it is retried in a transaction of its own, so one bad
 * request fails alone.
 */
@Injectable()
export class IntakeCommitter {
  private readonly logger = new Logger(IntakeCommitter.name);
  private readonly queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: TicketStore,
  ) {}

  commit(unit: IntakeUnit): Promise<IntakeOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ unit, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.commitBatch(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private takeBatch(): Pending[] {
    const batch: Pending[] = [this.queue.shift() as Pending];
    let records = batch[0].unit.drafts.length;
    while (this.queue.length > 0 && records + this.queue[0].unit.drafts.length <= MAX_RECORDS_PER_COMMIT) {
      const next = this.queue.shift() as Pending;
      records += next.unit.drafts.length;
      batch.push(next);
    }
    return batch;
  }

  private async commitBatch(batch: Pending[]): Promise<void> {
    try {
      const outcomes = await this.db.transaction(async (tx) => {
        const items: StoreItem[] = batch.flatMap(({ unit }) => unit.drafts.map(({ draft, index }) => ({ draft, source: { rawId: unit.rawId, rawIndex: index, actor: feedActor(unit.feed) } })));
        const stored = await this.store.storeMany(tx, items);
        let next = 0;
        const outcomes = batch.map(({ unit }): IntakeOutcome => {
          const accepted: AcceptedEntry[] = unit.drafts.map(({ index, externalId }) => ({ index, externalId, ...stored[next++] }));
          return { rawId: unit.rawId, accepted, rejected: unit.rejected };
        });
        await markParsedMany(tx, outcomes);
        return outcomes;
      });
      batch.forEach((p, i) => p.resolve(outcomes[i]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      this.logger.warn({ err: error, requests: batch.length }, 'shared intake commit failed; committing each request alone');
      await Promise.all(batch.map((p) => this.commitBatch([p])));
    }
  }
}
