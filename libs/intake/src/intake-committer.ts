import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GroupCommit } from '@hub/core';
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
  private readonly group = new GroupCommit<IntakeUnit, IntakeOutcome>((units) => this.commitUnits(units), {
    maxInFlight: MAX_IN_FLIGHT,
    maxWeight: MAX_RECORDS_PER_COMMIT,
    weight: (unit) => unit.drafts.length,
    onSharedFailure: (error, requests) => this.logger.warn({ err: error, requests }, 'shared intake commit failed; committing each request alone'),
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: TicketStore,
  ) {}

  commit(unit: IntakeUnit): Promise<IntakeOutcome> {
    return this.group.submit(unit);
  }

  private commitUnits(units: IntakeUnit[]): Promise<IntakeOutcome[]> {
    return this.db.transaction(async (tx) => {
      const items: StoreItem[] = units.flatMap((unit) => unit.drafts.map(({ draft, index }) => ({ draft, source: { rawId: unit.rawId, rawIndex: index, actor: feedActor(unit.feed) } })));
      const stored = await this.store.storeMany(tx, items);
      let next = 0;
      const outcomes = units.map((unit): IntakeOutcome => {
        const accepted: AcceptedEntry[] = unit.drafts.map(({ index, externalId }) => ({ index, externalId, ...stored[next++] }));
        return { rawId: unit.rawId, accepted, rejected: unit.rejected };
      });
      await markParsedMany(tx, outcomes);
      return outcomes;
    });
  }
}
