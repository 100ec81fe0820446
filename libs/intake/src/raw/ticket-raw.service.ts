import { Injectable } from '@nestjs/common';
import type { Viewer } from '@hub/auth/roles';
import { maskReporterIn } from '@hub/tickets/raw-preview';
import { TicketsService } from '@hub/tickets/tickets.service';
import { FEED_ADAPTERS } from '../adapters';
import type { FeedCode, FeedParseResult } from '../adapters/feed-record';
import { MaskedRecordView, maskedRecordView, renderPreview } from './record-preview';
import { RawRecordsService } from './raw-records.service';

export interface TicketRawView {
  rawId: string | null;
  feed: string;
  contentType: string | null;
  receivedAt: string | null;
  /** the ticket's own record as the adapter read it, reporter fields masked */
  record: MaskedRecordView | null;
  preview: string | null;
  extras: Record<string, unknown>;
  revisions: Array<{ revision: number; kind: string; rawId: string | null; externalId: string; receivedAt: string }>;
}

/** Re-reads stored bytes with the feed's adapter (pure: bytes → records); an adapter that throws reads as unreadable. */
export async function parseStored(feed: FeedCode, body: Buffer, contentType: string | null): Promise<FeedParseResult> {
  try {
    return await FEED_ADAPTERS[feed]({ body, contentType });
  } catch (error) {
    return { readable: false, code: 'UNEXPECTED_STRUCTURE', message: `The ${feed} record could not be read: ${(error as Error).message}` };
  }
}

/** The request a ticket came from, shown as that ticket's own record only. */
@Injectable()
export class TicketRawService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly raws: RawRecordsService,
  ) {}

  async raw(viewer: Viewer, id: string): Promise<TicketRawView> {
    const ticket = await this.tickets.visibleTicket(viewer, id);
    const revisions = await this.tickets.revisions(ticket.id);
    const own = revisions.find((r) => r.rawId === ticket.rawId) ?? revisions[0];
    const raw = ticket.rawId ? await this.raws.load(ticket.rawId) : null;
    const record = raw && own ? await this.ownRecord(raw.feed as FeedCode, raw.body, raw.contentType, own.rawIndex) : null;
    // the record's own text may repeat the reporter's details (a phone in the description): masked too
    const preview = record ? maskReporterIn(renderPreview(record), this.tickets.reporterSecretOf(ticket)) : null;
    return {
      rawId: ticket.rawId,
      feed: ticket.feed,
      contentType: raw?.contentType ?? null,
      receivedAt: raw ? raw.receivedAt.toISOString() : null,
      record: preview ? (JSON.parse(preview) as MaskedRecordView) : null,
      preview,
      extras: ticket.extras,
      revisions: revisions.map((r) => ({ revision: r.revision, kind: r.kind, rawId: r.rawId, externalId: r.externalId, receivedAt: r.receivedAt })),
    };
  }

  private async ownRecord(feed: FeedCode, body: Buffer, contentType: string | null, index: number): Promise<MaskedRecordView | null> {
    const parsed = await parseStored(feed, body, contentType);
    if (!parsed.readable) return null;
    const item = parsed.items.find((i) => i.index === index);
    return item?.record ? maskedRecordView(item.index, item.record) : null;
  }
}
