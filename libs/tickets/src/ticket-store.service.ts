import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOBS, OUTBOX_TOPICS, writeOutbox } from '@hub/core';
import { PiiCipher } from '@hub/auth/pii-cipher';
import { AttachmentStore } from './attachment.store';
import { sha256 } from './digest';
import { sealReporter } from './reporter-seal';
import { emitTicketEvent, EVENT_TICKET_COLUMNS, eventTicketFrom, ticketEvent } from './ticket-events';
import { Actor, appendHistory, appendHistoryMany } from './ticket-history.writer';
import type { AttachmentDraft, TicketDraft } from './ticket-draft';
import { newTrackingCode } from './tracking-code';
import { HolidayCalendar } from '@hub/calendar/holiday-calendar.service';
import { computeDispatchBy } from './working-days';
import { IntakeMark, IntakeSubject, TicketIntakeMarks } from './ticket-intake-marks';

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

export interface StoreItem {
  draft: TicketDraft;
  source: StoreSource;
}

interface InsertedTicket {
  item: StoreItem;
  ticketId: string;
  trackingCode: string;
}

/** A stored ticket waits for the first pipeline step: intake queues classification itself. */
const FIRST_STEP = { pipelineStep: 'CLASSIFY', job: JOBS.classify } as const;

const TICKET_INSERT_COLUMNS: Array<[string, string]> = [
  ['tracking_code', 'text'], ['feed', 'text'], ['external_id', 'text'], ['raw_id', 'uuid'], ['kind', 'text'], ['kind_source', 'text'], ['channel', 'text'],
  ['received_at', 'timestamptz'], ['reporter_anonymous', 'boolean'], ['reporter_secret', 'text'], ['reporter_masked', 'jsonb'], ['subject_name', 'text'],
  ['subject_name_norm', 'text'], ['subject_uscc', 'text'], ['subject_uscc_valid', 'boolean'], ['subject_address', 'text'], ['region_code', 'text'],
  ['county_code', 'text'], ['region_source', 'text'], ['product_name', 'text'], ['description', 'text'], ['extras', 'jsonb'], ['dispatch_by', 'timestamptz'],
  ['deadlines_provisional', 'boolean'], ['pipeline_step', 'text'], ['flags', 'text[]'], ['priority', 'integer'],
];

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
    private readonly files: AttachmentStore,
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

  /**
   * The same for many records in one transaction, with one statement per table for the new
   * records (the usual case). Resends, follow-ups, records met twice in the batch, inline
   * attachment bytes and rows a concurrent request took first go through `store` one by one.
   * Outcomes are in the order of `items`.
   */
  async storeMany(manager: EntityManager, items: StoreItem[]): Promise<StoreOutcome[]> {
    const known = await this.findKnownRecords(manager, items.map((i) => i.draft));
    const seen = new Set<string>();
    const fresh: StoreItem[] = [];
    for (const item of items) {
      const key = recordKey(item.draft.feed, item.draft.externalId);
      const simple = !known.has(key) && !seen.has(key) && item.draft.replyTo.length === 0 && item.draft.attachments.every((a) => !a.content);
      if (simple) fresh.push(item);
      seen.add(key);
    }
    const inserted = await this.insertTickets(manager, fresh);
    await this.afterInsertMany(manager, [...inserted.values()]);
    const outcomes = new Map<StoreItem, StoreOutcome>();
    for (const [item, t] of inserted) outcomes.set(item, { ticketId: t.ticketId, trackingCode: t.trackingCode, duplicate: false });
    for (const item of items) {
      if (!outcomes.has(item)) outcomes.set(item, await this.store(manager, item.draft, item.source));
    }
    return items.map((item) => outcomes.get(item) as StoreOutcome);
  }

  private async findKnownRecords(manager: EntityManager, drafts: TicketDraft[]): Promise<Set<string>> {
    const rows: Array<{ feed: string; external_id: string }> = await manager.query(
      `SELECT DISTINCT r.feed, r.external_id FROM record_revisions r JOIN unnest($1::text[], $2::text[]) AS k(feed, external_id) ON r.feed = k.feed AND r.external_id = k.external_id`,
      [drafts.map((d) => d.feed), drafts.map((d) => d.externalId)],
    );
    return new Set(rows.map((r) => recordKey(r.feed, r.external_id)));
  }

  /** Rows that meet an existing (feed, externalId) or tracking code are skipped here and retried one by one. */
  private async insertTickets(manager: EntityManager, items: StoreItem[]): Promise<Map<StoreItem, InsertedTicket>> {
    if (items.length === 0) return new Map();
    const calendar = await this.holidays.current(manager);
    const marks = await this.marks.markMany(manager, items.map(({ draft }) => subjectOf(draft)));
    const rows = items.map(({ draft, source }, i) => this.ticketRow(draft, source, calendar, marks[i]));
    const names = TICKET_INSERT_COLUMNS.map(([c]) => c).join(', ');
    const definition = TICKET_INSERT_COLUMNS.map(([c, type]) => `${c} ${type}`).join(', ');
    const inserted: Array<{ id: string; feed: string; external_id: string; tracking_code: string }> = await manager.query(
      `INSERT INTO tickets (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${definition})
       ON CONFLICT DO NOTHING RETURNING id, feed, external_id, tracking_code`,
      [JSON.stringify(rows)],
    );
    const byKey = new Map(items.map((item) => [recordKey(item.draft.feed, item.draft.externalId), item]));
    const out = new Map<StoreItem, InsertedTicket>();
    for (const row of inserted) {
      const item = byKey.get(recordKey(row.feed, row.external_id)) as StoreItem;
      out.set(item, { item, ticketId: row.id, trackingCode: row.tracking_code });
    }
    return out;
  }

  private markOf(manager: EntityManager, draft: TicketDraft) {
    return this.marks.markFor(manager, subjectOf(draft));
  }

  private ticketRow(draft: TicketDraft, source: StoreSource, calendar: Awaited<ReturnType<HolidayCalendar['current']>>, mark: IntakeMark): Record<string, unknown> {
    const reporter = sealReporter(draft.reporter);
    const dispatch = computeDispatchBy(draft.receivedAt, calendar);
    return {
      tracking_code: newTrackingCode(draft.receivedAt),
      feed: draft.feed,
      external_id: draft.externalId,
      raw_id: source.rawId,
      kind: draft.kind,
      kind_source: draft.kindSource,
      channel: draft.channel,
      received_at: draft.receivedAt,
      reporter_anonymous: draft.reporter.anonymous,
      reporter_secret: reporter.secret ? this.cipher.encryptJson(reporter.secret) : null,
      reporter_masked: reporter.masked,
      subject_name: draft.subject.name,
      subject_name_norm: draft.subject.nameNorm,
      subject_uscc: draft.subject.uscc,
      subject_uscc_valid: draft.subject.usccValid,
      subject_address: draft.subject.address,
      region_code: draft.regionCode,
      county_code: draft.countyCode,
      region_source: draft.regionSource,
      product_name: draft.productName,
      description: draft.description,
      extras: draft.extras,
      dispatch_by: dispatch.at,
      deadlines_provisional: dispatch.provisional,
      pipeline_step: FIRST_STEP.pipelineStep,
      flags: mark.flags,
      priority: mark.priority,
    };
  }

  /** Revisions, attachment references, history, the first pipeline job and the live events: one statement each. */
  private async afterInsertMany(manager: EntityManager, inserted: InsertedTicket[]): Promise<void> {
    if (inserted.length === 0) return;
    await manager.query(
      `INSERT INTO record_revisions (ticket_id, feed, external_id, revision, kind, raw_id, raw_index, content_hash, record)
       SELECT r.ticket_id, r.feed, r.external_id, 1, 'ORIGINAL', r.raw_id, r.raw_index, r.content_hash, r.record
         FROM jsonb_to_recordset($1::jsonb) AS r(ticket_id uuid, feed text, external_id text, raw_id uuid, raw_index integer, content_hash text, record jsonb)`,
      [
        JSON.stringify(
          inserted.map(({ item: { draft, source }, ticketId }) => ({
            ticket_id: ticketId,
            feed: draft.feed,
            external_id: draft.externalId,
            raw_id: source.rawId,
            raw_index: source.rawIndex,
            content_hash: draft.contentHash,
            record: revisionRecord(draft),
          })),
        ),
      ],
    );
    const attachments = inserted.flatMap(({ item, ticketId }) => item.draft.attachments.map((a) => ({ ticket_id: ticketId, raw_id: item.source.rawId, file_name: a.fileName, mime_type: a.mimeType, url: a.url })));
    if (attachments.length > 0) {
      await manager.query(
        `INSERT INTO attachments (ticket_id, raw_id, file_name, mime_type, url)
         SELECT a.ticket_id, a.raw_id, a.file_name, a.mime_type, a.url FROM jsonb_to_recordset($1::jsonb) AS a(ticket_id uuid, raw_id uuid, file_name text, mime_type text, url text)`,
        [JSON.stringify(attachments)],
      );
    }
    await appendHistoryMany(
      manager,
      inserted.map(({ item: { draft, source }, ticketId }) => ({ ticketId, actor: source.actor, action: 'RECEIVED', toStatus: 'RECEIVED', data: { rawId: source.rawId, regionSource: draft.regionSource, kindSource: draft.kindSource } })),
      { newTickets: true },
    );
    await writeOutbox(manager, [
      ...inserted.map(({ ticketId }) => ({ topic: OUTBOX_TOPICS.pipeline, ticketId, payload: { job: FIRST_STEP.job } })),
      ...inserted.map(({ ticketId, trackingCode }) => ({
        topic: OUTBOX_TOPICS.event,
        ticketId,
        payload: { ...ticketEvent('ticket.created', { id: ticketId, trackingCode, status: 'RECEIVED', version: 1, leadUnit: null, assistUnits: [] }) },
      })),
    ]);
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
    const mark = await this.markOf(manager, draft);
    for (let attempt = 1; ; attempt++) {
      const trackingCode = newTrackingCode(draft.receivedAt);
      try {
        const rows: Array<{ id: string }> = await manager.transaction((tx) =>
          tx.query(
            `INSERT INTO tickets (tracking_code, feed, external_id, raw_id, kind, kind_source, channel, received_at, reporter_anonymous, reporter_secret, reporter_masked,
               subject_name, subject_name_norm, subject_uscc, subject_uscc_valid, subject_address, region_code, county_code, region_source, product_name, description, extras,
               dispatch_by, deadlines_provisional, flags, priority, pipeline_step)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11::jsonb,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22::jsonb,$23,$24,$25,$26,$27)
             ON CONFLICT (feed, external_id) DO NOTHING RETURNING id`,
            [
              trackingCode, draft.feed, draft.externalId, source.rawId, draft.kind, draft.kindSource, draft.channel, draft.receivedAt, draft.reporter.anonymous,
              reporter.secret ? this.cipher.encryptJson(reporter.secret) : null, JSON.stringify(reporter.masked),
              draft.subject.name, draft.subject.nameNorm, draft.subject.uscc, draft.subject.usccValid, draft.subject.address,
              draft.regionCode, draft.countyCode, draft.regionSource, draft.productName, draft.description, JSON.stringify(draft.extras),
              dispatch.at, dispatch.provisional, mark.flags, mark.priority, FIRST_STEP.pipelineStep,
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
    await writeOutbox(manager, [{ topic: OUTBOX_TOPICS.pipeline, ticketId, payload: { job: FIRST_STEP.job } }]);
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
    const record = revisionRecord(draft);
    await manager.query(
      `INSERT INTO record_revisions (ticket_id, feed, external_id, revision, kind, raw_id, raw_index, content_hash, record) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9::jsonb)`,
      [ticketId, draft.feed, draft.externalId, revision, kind, source.rawId, source.rawIndex, draft.contentHash, JSON.stringify(record)],
    );
  }

  private async insertAttachments(manager: EntityManager, ticketId: string, rawId: string | null, attachments: AttachmentDraft[]): Promise<void> {
    await this.files.insert(manager, attachments.map((a) => ({ ticketId, rawId, fileName: a.fileName, mimeType: a.mimeType, content: a.content ?? null, url: a.url })));
  }

}

/** What a revision keeps of the record: everything but the reporter (sealed on the ticket) and attachment bytes. */
function revisionRecord(draft: TicketDraft) {
  return { ...draft, reporter: undefined, attachments: draft.attachments.map((a) => ({ fileName: a.fileName, mimeType: a.mimeType, url: a.url })) };
}

const recordKey = (feed: string, externalId: string) => `${feed}\u0000${externalId}`;

function isTrackingCodeClash(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { constraint?: string } };
  return e.code === '23505' && (e.constraint ?? e.driverError?.constraint) === 'tickets_tracking_code_key';
}

function subjectOf(draft: TicketDraft): IntakeSubject {
  return { nameNorm: draft.subject.nameNorm, uscc: draft.subject.uscc, usccValid: draft.subject.usccValid, regionCode: draft.regionCode };
}
