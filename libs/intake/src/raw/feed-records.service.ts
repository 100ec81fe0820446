import { ERROR_CODES } from '@hub/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conflict, decodeCursor, DomainError, encodeCursor, NotFound, returningRows } from '@hub/core';
import type { Viewer } from '@hub/auth/roles';
import { decodeRawPreview } from '@hub/tickets/raw-preview';
import type { FeedCode } from '../adapters/feed-record';
import { IntakeService } from '../intake.service';
import { ListFeedRecordsQuery } from './feed-records.dto';
import { RawRecordEntity } from './raw-record.entity';
import { RawRecordsService } from './raw-records.service';

const PREVIEW_BYTES = 256 * 1024;
const RERUNNABLE = ['UNREADABLE', 'REJECTED', 'PARTIAL'];

export interface FeedRecordSummary {
  id: string;
  feed: string;
  contentType: string | null;
  sizeBytes: number;
  receivedAt: string;
  state: string;
  errorCode: string | null;
  errorMessage: string | null;
  attempts: number;
  outcome: unknown;
  discardReason: string | null;
}

/** The "could not read" list: what operators see, re-run and discard. */
@Injectable()
export class FeedRecordsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly raws: RawRecordsService,
    private readonly intake: IntakeService,
  ) {}

  async list(query: ListFeedRecordsQuery) {
    const state = query.state ?? 'UNREADABLE';
    const limit = query.limit ?? 50;
    const params: unknown[] = [state];
    let where = 'state = $1';
    if (query.feed) {
      params.push(query.feed);
      where += ` AND feed = $${params.length}`;
    }
    const totalRows: Array<{ n: string }> = await this.db.query(`SELECT count(*) AS n FROM raw_records WHERE ${where}`, params);
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      params.push(cursor.at, cursor.id);
      where += ` AND (received_at, id) < ($${params.length - 1}, $${params.length})`;
    }
    params.push(limit + 1);
    const rows: RawRow[] = await this.db.query(
      `SELECT id, feed, content_type, size_bytes, received_at, state, error_code, error_message, attempts, outcome, discard_reason
       FROM raw_records WHERE ${where} ORDER BY received_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit).map(toSummary);
    const last = rows.length > limit ? page[page.length - 1] : null;
    return { items: page, total: Number(totalRows[0].n), nextCursor: last ? encodeCursor(last.receivedAt, last.id) : null };
  }

  async get(id: string) {
    const raw = await this.mustLoadUnparsed(id);
    const tickets: Array<{ id: string; tracking_code: string; external_id: string; raw_index: number }> = await this.db.query(
      `SELECT DISTINCT t.id, t.tracking_code, r.external_id, r.raw_index FROM record_revisions r JOIN tickets t ON t.id = r.ticket_id WHERE r.raw_id = $1 ORDER BY r.raw_index`,
      [id],
    );
    return {
      ...toSummary(rawEntityRow(raw)),
      preview: decodeRawPreview(raw.feed, raw.body, raw.contentType),
      previewTruncated: raw.body.length > PREVIEW_BYTES,
      tickets: tickets.map((t) => ({ ticketId: t.id, trackingCode: t.tracking_code, externalId: t.external_id, index: t.raw_index })),
    };
  }

  async body(id: string): Promise<{ contentType: string; body: Buffer; feed: string }> {
    const raw = await this.mustLoadUnparsed(id);
    return { contentType: raw.contentType ?? 'application/octet-stream', body: raw.body, feed: raw.feed };
  }

  /** Reads the stored bytes again with the current adapter. */
  async rerun(id: string, viewer: Viewer) {
    const raw = await this.mustLoad(id);
    if (!RERUNNABLE.includes(raw.state)) throw Conflict(ERROR_CODES.INVALID_TRANSITION, `A ${raw.state} record cannot be re-run`);
    try {
      const outcome = await this.intake.parseAndStore(raw.id, raw.feed as FeedCode, raw.body, raw.contentType);
      return { rawId: raw.id, state: (await this.mustLoad(id)).state, accepted: outcome.accepted, rejected: outcome.rejected, rerunBy: viewer.username };
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      return { rawId: raw.id, state: (await this.mustLoad(id)).state, accepted: error.body.accepted ?? [], rejected: error.body.rejected ?? [], error: { code: error.code, message: error.message } };
    }
  }

  async discard(id: string, reason: string, viewer: Viewer) {
    const result = await this.db.query(
      `UPDATE raw_records SET state = 'DISCARDED', discard_reason = $2, discarded_by = $3, updated_at = now() WHERE id = $1 AND state = ANY($4) RETURNING id`,
      [id, reason, viewer.id, RERUNNABLE],
    );
    if (returningRows(result).length === 0) {
      await this.mustLoad(id);
      throw Conflict(ERROR_CODES.INVALID_TRANSITION, 'Only unreadable or rejected records can be discarded');
    }
    return this.get(id);
  }

  /**
   * A fully parsed request holds reporter data in clear: it is read through its
   * tickets (masked) instead, so here it is as good as absent.
   */
  private async mustLoadUnparsed(id: string): Promise<RawRecordEntity> {
    const raw = await this.mustLoad(id);
    if (raw.state === 'PARSED') throw NotFound('Feed record not found: a parsed record is read through its tickets');
    return raw;
  }

  private async mustLoad(id: string): Promise<RawRecordEntity> {
    const raw = /^[0-9a-f-]{36}$/i.test(id) ? await this.raws.load(id) : null;
    if (!raw) throw NotFound('Feed record not found');
    return raw;
  }
}

interface RawRow {
  id: string;
  feed: string;
  content_type: string | null;
  size_bytes: number;
  received_at: Date;
  state: string;
  error_code: string | null;
  error_message: string | null;
  attempts: number;
  outcome: unknown;
  discard_reason: string | null;
}

function rawEntityRow(r: RawRecordEntity): RawRow {
  return {
    id: r.id, feed: r.feed, content_type: r.contentType, size_bytes: r.sizeBytes, received_at: r.receivedAt, state: r.state,
    error_code: r.errorCode, error_message: r.errorMessage, attempts: r.attempts, outcome: r.outcome, discard_reason: r.discardReason,
  };
}

function toSummary(r: RawRow): FeedRecordSummary {
  return {
    id: r.id, feed: r.feed, contentType: r.content_type, sizeBytes: r.size_bytes, receivedAt: r.received_at.toISOString(), state: r.state,
    errorCode: r.error_code, errorMessage: r.error_message, attempts: r.attempts, outcome: r.outcome, discardReason: r.discard_reason,
  };
}
