import { Injectable } from '@nestjs/common';
import type { ClaimView, HistoryEntryView, TicketStatus, TicketWithClaim } from '@hub/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentStore } from './attachment.store';
import { DomainError, Forbidden, NotFound } from '@hub/core';
import { PiiCipher } from '@hub/auth/pii-cipher';
import { hasRole, Viewer } from '@hub/auth/roles';
import { appendHistory } from './ticket-history.writer';
import { TicketRewards } from './ticket-rewards';
import { ReporterSecret, TicketEntity } from './ticket.entity';
import { toTicketView, TicketView } from './ticket-view';
import { visibilityClause } from './ticket-visibility';

/** Who has the ticket open in the console (claims are the console's; shown with the ticket). */
export type ClaimOnTicket = ClaimView;
export type HistoryView = HistoryEntryView;

export interface RecordRevisionView {
  revision: number;
  kind: string;
  rawId: string | null;
  /** the record's position in its raw request (a 12358 row number, a 12315 batch index) */
  rawIndex: number;
  externalId: string;
  receivedAt: string;
}

/** Staff reads of tickets, always within the caller's visibility. */
@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: PiiCipher,
    private readonly rewards: TicketRewards,
    private readonly files: AttachmentStore,
  ) {}

  async get(viewer: Viewer, id: string): Promise<TicketWithClaim> {
    const ticket = toTicketView(await this.findVisible(viewer, 't.id = $1', [id]));
    const claims: Array<{ user_id: string; display_name: string; expires_at: Date }> = await this.db.query(
      `SELECT user_id, display_name, expires_at FROM ticket_claims WHERE ticket_id = $1 AND expires_at > now()`,
      [id],
    );
    const claim = claims[0] ? { userId: claims[0].user_id, displayName: claims[0].display_name, expiresAt: claims[0].expires_at.toISOString() } : null;
    return { ...ticket, reward: await this.rewards.of(viewer, id), claim };
  }

  /** 404 unless the caller may see the ticket (a hidden ticket answers like a missing one). */
  async assertVisible(viewer: Viewer, id: string): Promise<void> {
    if (!isUuid(id)) throw NotFound('Ticket not found');
    const scope = visibilityClause(viewer, 2);
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM tickets t WHERE t.id = $1 AND ${scope.sql}`, [id, ...scope.params]);
    if (rows.length === 0) throw NotFound('Ticket not found');
  }

  findByFeedRecord(viewer: Viewer, feed: string, externalId: string): Promise<{ items: TicketView[]; total: number }> {
    return this.listOfOne(viewer, 't.feed = $1 AND t.external_id = $2', [feed, externalId]);
  }

  findByTrackingCode(viewer: Viewer, trackingCode: string): Promise<{ items: TicketView[]; total: number }> {
    return this.listOfOne(viewer, 't.tracking_code = $1', [trackingCode]);
  }

  /** A list of the one visible match, or an empty list: a hidden ticket is not told apart from a missing one. */
  private async listOfOne(viewer: Viewer, where: string, params: unknown[]): Promise<{ items: TicketView[]; total: number }> {
    const ticket = await this.findVisible(viewer, where, params).catch((error: unknown) => {
      if (error instanceof DomainError && error.status === 404) return null;
      throw error;
    });
    const items = ticket ? [{ ...toTicketView(ticket), reward: await this.rewards.of(viewer, ticket.id) }] : [];
    return { items, total: items.length };
  }

  async history(viewer: Viewer, id: string): Promise<HistoryView[]> {
    await this.findVisible(viewer, 't.id = $1', [id]);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id, at, actor_name, action, from_status, to_status, reason, data FROM ticket_history WHERE ticket_id = $1 ORDER BY id`,
      [id],
    );
    return rows.map((r) => ({
      id: String(r.id),
      at: (r.at as Date).toISOString(),
      actor: r.actor_name as string,
      action: r.action as string,
      fromStatus: r.from_status as TicketStatus | null,
      toStatus: r.to_status as TicketStatus | null,
      reason: r.reason as string | null,
      data: r.data as Record<string, unknown>,
    }));
  }

  /** The lead unit's handler may see a complainant's identity to mediate; the reveal is recorded. */
  async revealReporter(viewer: Viewer, id: string, reason: string): Promise<ReporterSecret> {
    const ticket = await this.findVisible(viewer, 't.id = $1', [id]);
    const mayReveal = hasRole(viewer, 'HANDLER') && viewer.unit === ticket.leadUnit && ticket.kind === 'COMPLAINT' && !ticket.reporterAnonymous;
    if (!mayReveal) throw Forbidden('Only the lead unit’s handler may reveal a named complainant’s identity');
    if (!ticket.reporterSecret) throw NotFound('This ticket has no reporter data');
    const secret = this.cipher.decryptJson<ReporterSecret>(ticket.reporterSecret);
    await this.db.transaction(async (tx) => {
      const fields = Object.entries(secret).filter(([, v]) => v !== null).map(([k]) => k);
      await tx.query(`INSERT INTO pii_reveals (ticket_id, user_id, fields, reason) VALUES ($1, $2, $3, $4)`, [id, viewer.id, fields, reason]);
      await appendHistory(tx, { ticketId: id, actor: { id: viewer.id, name: viewer.displayName }, action: 'REPORTER_REVEALED', reason });
    });
    return secret;
  }

  /** A ticket the viewer may see (404 otherwise), for other libs' views of it. */
  visibleTicket(viewer: Viewer, id: string): Promise<TicketEntity> {
    return this.findVisible(viewer, 't.id = $1', [id]);
  }

  /** The feed records a ticket was made from: its original, changed resends and follow-ups. */
  async revisions(ticketId: string): Promise<RecordRevisionView[]> {
    const rows: Array<{ revision: number; kind: string; raw_id: string | null; raw_index: number; created_at: Date; external_id: string }> = await this.db.query(
      `SELECT revision, kind, raw_id, raw_index, created_at, external_id FROM record_revisions WHERE ticket_id = $1 ORDER BY revision`,
      [ticketId],
    );
    return rows.map((r) => ({ revision: r.revision, kind: r.kind, rawId: r.raw_id, rawIndex: r.raw_index, externalId: r.external_id, receivedAt: r.created_at.toISOString() }));
  }

  /** The sealed reporter data, opened only to mask it in views or for a recorded reveal. */
  reporterSecretOf(ticket: TicketEntity): ReporterSecret | null {
    return ticket.reporterSecret ? this.cipher.decryptJson<ReporterSecret>(ticket.reporterSecret) : null;
  }

  async attachments(viewer: Viewer, id: string) {
    await this.findVisible(viewer, 't.id = $1', [id]);
    const rows: Array<{ id: string; file_name: string; mime_type: string | null; size_bytes: number | null; url: string | null }> = await this.db.query(
      `SELECT id, file_name, mime_type, size_bytes, url FROM attachments WHERE ticket_id = $1 ORDER BY created_at, id`,
      [id],
    );
    return rows.map((a) => ({ id: a.id, fileName: a.file_name, mimeType: a.mime_type, sizeBytes: a.size_bytes, url: a.url }));
  }

  async attachmentContent(viewer: Viewer, id: string, attachmentId: string): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
    await this.findVisible(viewer, 't.id = $1', [id]);
    const file = isUuid(attachmentId) ? await this.files.open(id, attachmentId) : null;
    if (!file) throw NotFound('Attachment not found');
    return file;
  }

  private async findVisible(viewer: Viewer, where: string, params: unknown[]): Promise<TicketEntity> {
    if (where.includes('t.id') && !isUuid(String(params[0]))) throw NotFound('Ticket not found');
    const scope = visibilityClause(viewer, params.length + 1);
    const rows: Array<{ id: string }> = await this.db.query(`SELECT t.id FROM tickets t WHERE ${where} AND ${scope.sql} LIMIT 1`, [...params, ...scope.params]);
    if (rows.length === 0) throw NotFound('Ticket not found');
    return this.db.getRepository(TicketEntity).findOneByOrFail({ id: rows[0].id });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);
