import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOBS, OUTBOX_TOPICS, writeOutbox } from '@hub/core';
import { PiiCipher } from '@hub/auth/pii-cipher';
import { sha256 } from './digest';
import { sealReporter } from './reporter-seal';
import { emitTicketEvent, EVENT_TICKET_COLUMNS, eventTicketFrom } from './ticket-events';
import { Actor, appendHistory } from './ticket-history.writer';
import type { AttachmentDraft, TicketDraft } from './ticket-draft';
import { newTrackingCode } from './tracking-code';
import { HolidayCalendar } from '@hub/calendar/holiday-calendar.service';
import { computeDispatchBy } from './working-days';
import { TicketIntakeMarks } from './ticket-intake-marks';

export interface StoreSource {
  rawId: string | null;
  rawIndex: number;
  actor: Actor;
}

export interface StoreOutcome {
  ticketId: string;
  trackingCode: string;
  duplicate: boolean;
  revision?: number;
  followUp?: true;
}

interface KnownRecord {
  ticketId: string;
  kind: 'ORIGINAL' | 'FOLLOW_UP';
}

const TRACKING_CODE_ATTEMPTS = 5;

/**
 * Stores a normalised record as a ticket, idempotently by (feed, externalId):
 * a new record makes a ticket; an identical resend answers with the ticket it made;
 * a changed resend is a new revision on it; a 12390 reply becomes a follow-up.
 * Runs inside the caller's transaction.
 */
@Injectable()
export class TicketStore {
  constructor(
    private readonly cipher: PiiCipher,
    private readonly holidays: HolidayCalendar,
    private readonly marks: TicketIntakeMarks,
  ) {}

  async store(manager: EntityManager, draft: TicketDraft, source: StoreSource): Promise<StoreOutcome> {
    const known = await this.findKnownRecord(manager, draft.feed, draft.externalId);
    if (known) return this.storeResend(manager, known, draft, source);
    const repliedTo = draft.replyTo.length > 0 ? await this.findRepliedTicket(manager, draft.feed, draft.replyTo) : null;
    if (repliedTo) return this.storeFollowUp(manager, repliedTo, draft, source);
    const created = await this.insertTicket(manager, draft, source);
    if (created) return created;
    // a concurrent request stored the same record first: answer as a resend of it
    const winner = await this.findKnownRecord(manager, draft.feed, draft.externalId);
    if (!winner) throw new Error(`record ${draft.feed}/${draft.externalId} neither inserted nor found`);
    return this.storeResend(manager, winner, draft, source);
  }

  private async findKnownRecord(manager: EntityManager, feed: string, externalId: string): Promise<KnownRecord | null> {
    const rows: Array<{ ticket_id: string; kind: KnownRecord['kind'] }> = await manager.query(
      `SELECT ticket_id, kind FROM record_revisions WHERE feed = $1 AND external_id = $2 ORDER BY id LIMIT 1`,
      [feed, externalId],
    );
    return rows[0] ? { ticketId: rows[0].ticket_id, kind: rows[0].kind } : null;
  }

  private async findRepliedTicket(manager: EntityManager, feed: string, replyTo: string[]): Promise<string | null> {
    const rows: Array<{ ticket_id: string }> = await manager.query(
      `SELECT ticket_id FROM record_revisions WHERE feed = $1 AND external_id = ANY($2) ORDER BY id LIMIT 1`,
      [feed, replyTo],
    );
    return rows[0]?.ticket_id ?? null;
  }

  private async storeResend(manager: EntityManager, known: KnownRecord, draft: TicketDraft, source: StoreSource): Promise<StoreOutcome> {
    const ticket = await this.lockTicket(manager, known.ticketId);
    const followUp = known.kind === 'FOLLOW_UP' ? ({ followUp: true } as const) : {};
    const same: unknown[] = await manager.query(
      `SELECT 1 FROM record_revisions WHERE feed = $1 AND external_id = $2 AND content_hash = $3 LIMIT 1`,
      [draft.feed, draft.externalId, draft.contentHash],
    );
    if (same.length > 0) return { ticketId: ticket.id, trackingCode: ticket.tracking_code, duplicate: true, ...followUp };
    const revision = ticket.revision + 1;
    await this.insertRevision(manager, ticket.id, revision, known.kind, draft, source);
    const updated = await this.bumpTicket(manager, ticket.id, revision, 'RESENT_CHANGED');
    await appendHistory(manager, { ticketId: ticket.id, actor: source.actor, action: 'RESENT_CHANGED', reason: `feed resent ${draft.externalId} with changed content`, data: { revision, rawId: source.rawId } });
    await emitTicketEvent(manager, 'ticket.updated', updated);
    return { ticketId: ticket.id, trackingCode: ticket.tracking_code, duplicate: true, revision, ...followUp };
  }

  private async storeFollowUp(manager: EntityManager, ticketId: string, draft: TicketDraft, source: StoreSource): Promise<StoreOutcome> {
    const ticket = await this.lockTicket(manager, ticketId);
    const revision = ticket.revision + 1;
    await this.insertRevision(manager, ticket.id, revision, 'FOLLOW_UP', draft, source);
    await this.insertAttachments(manager, ticket.id, source.rawId, draft.attachments);
    const updated = await this.bumpTicket(manager, ticket.id, revision, 'FOLLOW_UP');
    await appendHistory(manager, {
      ticketId: ticket.id,
      actor: source.actor,
      action: 'FOLLOW_UP',
      reason: draft.description.slice(0, 2000),
      data: { externalId: draft.externalId, revision, rawId: source.rawId, attachments: draft.attachments.length },
    });
    await emitTicketEvent(manager, 'ticket.updated', updated);
    return { ticketId: ticket.id, trackingCode: ticket.tracking_code, duplicate: false, followUp: true };
  }

  private async insertTicket(manager: EntityManager, draft: TicketDraft, source: StoreSource): Promise<StoreOutcome | null> {
    const reporter = sealReporter(draft.reporter);
    const dispatch = computeDispatchBy(draft.receivedAt, await this.holidays.current(manager));
    const mark = await this.marks.markFor(manager, { nameNorm: draft.subject.nameNorm, uscc: draft.subject.uscc, usccValid: draft.subject.usccValid, regionCode: draft.regionCode });
    for (let attempt = 1; ; attempt++) {
      const trackingCode = newTrackingCode(draft.receivedAt);
      try {
        const rows: Array<{ id: string }> = await manager.transaction((tx) =>
          tx.query(
            `INSERT INTO tickets (tracking_code, feed, external_id, raw_id, kind, kind_source, channel, received_at, reporter_anonymous, reporter_secret, reporter_masked,
               subject_name, subject_name_norm, subject_uscc, subject_uscc_valid, subject_address, region_code, county_code, region_source, product_name, description, extras,
               dispatch_by, deadlines_provisional, flags, priority)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11::jsonb,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22::jsonb,$23,$24,$25,$26)
             ON CONFLICT (feed, external_id) DO NOTHING RETURNING id`,
            [
              trackingCode, draft.feed, draft.externalId, source.rawId, draft.kind, draft.kindSource, draft.channel, draft.receivedAt, draft.reporter.anonymous,
              reporter.secret ? this.cipher.encryptJson(reporter.secret) : null, JSON.stringify(reporter.masked),
              draft.subject.name, draft.subject.nameNorm, draft.subject.uscc, draft.subject.usccValid, draft.subject.address,
              draft.regionCode, draft.countyCode, draft.regionSource, draft.productName, draft.description, JSON.stringify(draft.extras),
              dispatch.at, dispatch.provisional, mark.flags, mark.priority,
            ],
          ),
        );
        if (rows.length === 0) return null;
        await this.afterInsert(manager, rows[0].id, trackingCode, draft, source);
        return { ticketId: rows[0].id, trackingCode, duplicate: false };
      } catch (error) {
        if (!isTrackingCodeClash(error) || attempt >= TRACKING_CODE_ATTEMPTS) throw error;
      }
    }
  }

  private async afterInsert(manager: EntityManager, ticketId: string, trackingCode: string, draft: TicketDraft, source: StoreSource): Promise<void> {
    await this.insertRevision(manager, ticketId, 1, 'ORIGINAL', draft, source);
    await this.insertAttachments(manager, ticketId, source.rawId, draft.attachments);
    await appendHistory(manager, { ticketId, actor: source.actor, action: 'RECEIVED', toStatus: 'RECEIVED', data: { rawId: source.rawId, regionSource: draft.regionSource, kindSource: draft.kindSource } });
    await writeOutbox(manager, [{ topic: OUTBOX_TOPICS.pipeline, ticketId, payload: { job: JOBS.prepare } }]);
    await emitTicketEvent(manager, 'ticket.created', { id: ticketId, trackingCode, status: 'RECEIVED', version: 1, leadUnit: null, assistUnits: [] });
  }

  private async lockTicket(manager: EntityManager, ticketId: string) {
    const rows: Array<{ id: string; tracking_code: string; revision: number }> = await manager.query(
      `SELECT id, tracking_code, revision FROM tickets WHERE id = $1 FOR UPDATE`,
      [ticketId],
    );
    return rows[0];
  }

  private async bumpTicket(manager: EntityManager, ticketId: string, revision: number, flag: string) {
    const result = await manager.query(
      `UPDATE tickets SET revision = $2, version = version + 1, updated_at = now(),
         flags = CASE WHEN $3 = ANY(flags) THEN flags ELSE array_append(flags, $3) END
       WHERE id = $1 RETURNING ${EVENT_TICKET_COLUMNS}`,
      [ticketId, revision, flag],
    );
    return eventTicketFrom(result);
  }

  private async insertRevision(manager: EntityManager, ticketId: string, revision: number, kind: KnownRecord['kind'], draft: TicketDraft, source: StoreSource): Promise<void> {
    const record = { ...draft, reporter: undefined, attachments: draft.attachments.map((a) => ({ fileName: a.fileName, mimeType: a.mimeType, url: a.url })) };
    await manager.query(
      `INSERT INTO record_revisions (ticket_id, feed, external_id, revision, kind, raw_id, raw_index, content_hash, record) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9::jsonb)`,
      [ticketId, draft.feed, draft.externalId, revision, kind, source.rawId, source.rawIndex, draft.contentHash, JSON.stringify(record)],
    );
  }

  private async insertAttachments(manager: EntityManager, ticketId: string, rawId: string | null, attachments: AttachmentDraft[]): Promise<void> {
    for (const a of attachments) {
      await manager.query(
        `INSERT INTO attachments (ticket_id, raw_id, file_name, mime_type, size_bytes, sha256, content, url) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [ticketId, rawId, a.fileName, a.mimeType, a.content?.length ?? null, a.content ? sha256(a.content) : null, a.content, a.url],
      );
    }
  }
}

function isTrackingCodeClash(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { constraint?: string } };
  return e.code === '23505' && (e.constraint ?? e.driverError?.constraint) === 'tickets_tracking_code_key';
}
