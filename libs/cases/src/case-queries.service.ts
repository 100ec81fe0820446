import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Clock,
  DeadlineState,
  Kind,
  Outcome,
  OversightConcern,
  SubjectTicketView,
  TicketFeed,
  TicketStatus,
  TransferState,
  UNIT_OPEN_STATUSES,
  WorkbenchItem,
  WorkbenchList,
  WorkbenchRole,
} from '@hub/contracts';
import { countAtMost, decodeCursor, encodeCursor, Forbidden } from '@hub/core';
import { hasRole, Viewer } from '@hub/auth/roles';
import { TicketsService } from '@hub/tickets';
import { OverdueQuery, OversightQuery, PageQuery, PoliceTransfersQuery, WorkbenchQuery } from './case-queries.dto';

interface ItemRow {
  id: string;
  tracking_code: string;
  kind: Kind;
  feed: TicketFeed;
  status: TicketStatus;
  received_at: Date;
  dispatched_at: Date | null;
  region_code: string;
  subject_name: string | null;
  product_name: string | null;
  excerpt: string;
  classification: { category: string; violation: string } | null;
  lead_unit: string | null;
  assist_units: string[];
  flags: string[];
  dispatch_by: Date | null;
  accept_by: Date | null;
  resolve_by: Date | null;
  deadlines_provisional: boolean;
  transfer_decision_by: Date | null;
  hand_over_by: Date | null;
  police_decision_by: Date | null;
  deadline_state: DeadlineState;
  paused_at: Date | null;
  transfer_state: TransferState | null;
  outcome: Outcome | null;
  version: number;
  next_clock: Clock | null;
  next_due: Date | null;
  sort_at: Date;
  concern?: OversightConcern;
}

const ITEM_COLUMNS = `t.id, t.tracking_code, t.kind, t.feed, t.status, t.received_at, t.dispatched_at, t.region_code, t.subject_name, t.product_name,
  left(t.description, 120) AS excerpt, t.classification, t.lead_unit, t.assist_units, t.flags, t.dispatch_by, t.accept_by, t.resolve_by, t.deadlines_provisional,
  t.transfer_decision_by, t.hand_over_by, t.police_decision_by, t.deadline_state, t.paused_at, t.transfer_state, t.outcome, t.version,
  nd.clock AS next_clock, nd.due_at AS next_due`;
const NEXT_DEADLINE = `LEFT JOIN LATERAL (SELECT clock, due_at FROM ticket_clocks c WHERE c.ticket_id = t.id AND c.stopped_at IS NULL ORDER BY c.due_at LIMIT 1) nd ON true`;

/** What the oversight list says about a ticket. */
const CONCERN_SQL = `CASE
  WHEN t.outcome = 'PENALIZED' AND 'SUSPECTED_CRIME' = ANY(t.flags) AND (t.transfer_state IS NULL OR t.transfer_state IN ('PROPOSED', 'REFUSED')) THEN 'NOT_TRANSFERRED'
  WHEN t.transfer_state = 'PROPOSED' THEN 'PROPOSED'
  WHEN t.transfer_state = 'REFUSED' THEN 'REFUSED'
  WHEN t.transfer_state = 'DECLINED' THEN 'DECLINED'
  ELSE 'TRANSFERRED' END`;

class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(sql: (p: string) => string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(sql(`$${this.params.length}`));
    return this;
  }
  raw(sql: string): this {
    this.clauses.push(sql);
    return this;
  }
  get sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** The unit's workbench and the lists of unit heads, supervisors, police liaisons and prosecutors. */
@Injectable()
export class CaseQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
  ) {}

  /** The caller's unit's tickets, newest dispatch first. */
  workbench(viewer: Viewer, query: WorkbenchQuery): Promise<WorkbenchList> {
    const unit = ownUnit(viewer);
    const role: WorkbenchRole = query.role ?? 'lead';
    const where = new Where();
    if (role === 'lead') where.add((p) => `t.lead_unit = ${p}`, unit);
    else where.add((p) => `t.assist_units @> ARRAY[${p}]::text[]`, unit);
    where.add((p) => `t.status = ANY(${p})`, query.status ? query.status.split(',') : UNIT_OPEN_STATUSES);
    if (query.deadline) where.add((p) => `t.deadline_state = ${p}`, query.deadline);
    if (query.transfer) where.add((p) => `t.transfer_state = ${p}`, query.transfer);
    return this.page(where, 't.dispatched_at', query, unit);
  }

  /** Overdue open tickets: a unit head's own unit, a supervisor's every unit. */
  overdue(viewer: Viewer, query: OverdueQuery): Promise<WorkbenchList> {
    const where = new Where().raw(`t.deadline_state = 'overdue'`);
    where.add((p) => `t.status = ANY(${p})`, UNIT_OPEN_STATUSES);
    if (hasRole(viewer, 'SUPERVISOR')) {
      if (query.unit) where.add((p) => `t.lead_unit = ${p}`, query.unit);
    } else {
      where.add((p) => `t.lead_unit = ${p}`, ownUnit(viewer));
    }
    return this.page(where, 't.dispatched_at', query, viewer.unit);
  }

  /** Every transfer, refusal and decline, and every penalised crime-flagged case never transferred (read-only). */
  oversight(query: OversightQuery): Promise<WorkbenchList> {
    const where = new Where().raw(`(t.transfer_state IS NOT NULL OR (t.outcome = 'PENALIZED' AND 'SUSPECTED_CRIME' = ANY(t.flags)))`);
    if (query.concern) where.add((p) => `(${CONCERN_SQL}) = ${p}`, query.concern);
    return this.page(where, 't.received_at', query, null, true);
  }

  /** Transfers to the caller's police unit. */
  policeTransfers(viewer: Viewer, query: PoliceTransfersQuery): Promise<WorkbenchList> {
    const where = new Where().add((p) => `t.police_unit = ${p}`, ownUnit(viewer));
    if (query.state) where.add((p) => `t.transfer_state = ${p}`, query.state);
    return this.page(where, 't.received_at', query, null);
  }

  /** The subject's other tickets: same USCC, or same normalised name in the same region. */
  async subjectTickets(viewer: Viewer, id: string): Promise<{ items: SubjectTicketView[] }> {
    await this.tickets.assertVisible(viewer, id);
    const rows: Array<{ id: string; tracking_code: string; kind: Kind; status: TicketStatus; received_at: Date; lead_unit: string | null; outcome: Outcome | null; by_uscc: boolean }> =
      await this.db.query(
        `SELECT o.id, o.tracking_code, o.kind, o.status, o.received_at, o.lead_unit, o.outcome, (o.subject_uscc IS NOT NULL AND o.subject_uscc = t.subject_uscc) AS by_uscc
         FROM tickets t JOIN tickets o ON o.id <> t.id AND (
           (t.subject_uscc IS NOT NULL AND o.subject_uscc = t.subject_uscc) OR
           (t.subject_name_norm IS NOT NULL AND o.subject_name_norm = t.subject_name_norm AND o.region_code = t.region_code))
         WHERE t.id = $1 ORDER BY o.received_at DESC LIMIT 100`,
        [id],
      );
    return {
      items: rows.map((r) => ({
        id: r.id,
        trackingCode: r.tracking_code,
        kind: r.kind,
        status: r.status,
        receivedAt: r.received_at.toISOString(),
        leadUnit: r.lead_unit,
        outcome: r.outcome,
        matchedBy: r.by_uscc ? 'USCC' : 'NAME_REGION',
      })),
    };
  }

  private async page(where: Where, sortColumn: string, query: PageQuery, unit: string | null, withConcern = false): Promise<WorkbenchList> {
    const limit = query.limit ?? 50;
    where.raw(`${sortColumn} IS NOT NULL`);
    const n = await countAtMost((sql, p) => this.db.query(sql, p), `FROM tickets t ${where.sql}`, where.params);
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      where.params.push(cursor.at, cursor.id);
      where.raw(`(${sortColumn}, t.id) < ($${where.params.length - 1}::timestamptz, $${where.params.length}::uuid)`);
    }
    where.params.push(limit + 1);
    const rows: ItemRow[] = await this.db.query(
      `SELECT ${ITEM_COLUMNS}, ${sortColumn} AS sort_at ${withConcern ? `, ${CONCERN_SQL} AS concern` : ''}
       FROM tickets t ${NEXT_DEADLINE} ${where.sql} ORDER BY ${sortColumn} DESC, t.id DESC LIMIT $${where.params.length}`,
      where.params,
    );
    const items = rows.slice(0, limit);
    const last = rows.length > limit ? items[items.length - 1] : null;
    return { items: items.map((r) => toItem(r, unit)), total: Number(n), nextCursor: last ? encodeCursor(last.sort_at, last.id) : null };
  }
}

function ownUnit(viewer: Viewer): string {
  if (!viewer.unit) throw Forbidden('This list is for staff of a unit');
  return viewer.unit;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toItem(r: ItemRow, unit: string | null): WorkbenchItem & { concern?: OversightConcern } {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    kind: r.kind,
    feed: r.feed,
    status: r.status,
    receivedAt: r.received_at.toISOString(),
    dispatchedAt: iso(r.dispatched_at),
    regionCode: r.region_code,
    subjectName: r.subject_name,
    productName: r.product_name,
    excerpt: r.excerpt,
    category: r.classification?.category ?? null,
    violation: r.classification?.violation ?? null,
    leadUnit: r.lead_unit,
    assistUnits: r.assist_units,
    flags: r.flags,
    role: unit && r.lead_unit !== unit && r.assist_units.includes(unit) ? 'assist' : 'lead',
    deadlines: {
      dispatchBy: iso(r.dispatch_by),
      acceptBy: iso(r.accept_by),
      resolveBy: iso(r.resolve_by),
      provisional: r.deadlines_provisional,
      transferDecisionBy: iso(r.transfer_decision_by),
      handOverBy: iso(r.hand_over_by),
      policeDecisionBy: iso(r.police_decision_by),
    },
    deadlineState: r.deadline_state,
    nextDeadline: r.next_clock && r.next_due ? { clock: r.next_clock, at: r.next_due.toISOString() } : null,
    paused: r.paused_at !== null,
    transferState: r.transfer_state,
    outcome: r.outcome,
    version: r.version,
    ...(r.concern ? { concern: r.concern } : {}),
  };
}
