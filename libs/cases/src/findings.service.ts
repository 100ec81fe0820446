import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ERROR_CODES, FindingView, TicketStatus } from '@hub/contracts';
import { Conflict, Forbidden, Invalid } from '@hub/core';
import { hasRole, Viewer } from '@hub/auth/roles';
import { AttachmentStore, TicketsService, TicketTransitions } from '@hub/tickets';
import { FindingUpload } from './finding-upload';

/** A finding is recorded while the unit works the case, or while the police have it. */
const RECORDING: readonly TicketStatus[] = ['ACCEPTED', 'IN_PROGRESS', 'TRANSFERRED_TO_POLICE'];

/** Findings (调查核实情况) with their files, kept in the ticket's attachments. */
@Injectable()
export class FindingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    private readonly transitions: TicketTransitions,
    private readonly files: AttachmentStore,
  ) {}

  async record(viewer: Viewer, ticketId: string, upload: FindingUpload): Promise<FindingView> {
    await this.tickets.assertVisible(viewer, ticketId);
    const text = upload.text?.trim() ?? '';
    if (text.length < 2) throw Invalid('A finding needs its text', [{ field: 'text', message: 'at least 2 characters' }]);
    const id = await this.db.transaction(async (tx) => {
      const t = await this.transitions.lock(tx, ticketId);
      const ownUnit = !!viewer.unit && (viewer.unit === t.leadUnit || t.assistUnits.includes(viewer.unit));
      if (!hasRole(viewer, 'HANDLER', 'UNIT_HEAD') || !ownUnit) throw Forbidden('Only the lead or an assisting unit’s staff record findings');
      if (!RECORDING.includes(t.status)) throw Conflict(ERROR_CODES.INVALID_TRANSITION, `A ${t.status} ticket takes no findings`);
      const [finding]: Array<{ id: string }> = await tx.query(
        `INSERT INTO ticket_findings (ticket_id, author_id, author_name, unit_code, text) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [ticketId, viewer.id, viewer.displayName, viewer.unit, text],
      );
      await this.files.insert(tx, upload.files.map((f) => ({ ticketId, findingId: finding.id, fileName: f.fileName, mimeType: f.mimeType, content: f.content })));
      await this.transitions.annotate(tx, ticketId, { actor: { id: viewer.id, name: viewer.displayName }, action: 'FINDING_RECORDED', reason: text.slice(0, 500), data: { findingId: finding.id, files: upload.files.length } });
      return finding.id;
    });
    const all = await this.list(viewer, ticketId);
    return all.items.find((f) => f.id === id) as FindingView;
  }

  async list(viewer: Viewer, ticketId: string): Promise<{ items: FindingView[] }> {
    await this.tickets.assertVisible(viewer, ticketId);
    const rows: Array<{ id: string; created_at: Date; author_name: string; text: string; files: FindingView['attachments'] | null }> = await this.db.query(
      `SELECT f.id, f.created_at, f.author_name, f.text,
         (SELECT json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'mimeType', a.mime_type, 'sizeBytes', a.size_bytes) ORDER BY a.created_at, a.id)
          FROM attachments a WHERE a.finding_id = f.id) AS files
       FROM ticket_findings f WHERE f.ticket_id = $1 ORDER BY f.created_at, f.id`,
      [ticketId],
    );
    return { items: rows.map((r) => ({ id: r.id, at: r.created_at.toISOString(), author: r.author_name, text: r.text, attachments: r.files ?? [] })) };
  }
}
