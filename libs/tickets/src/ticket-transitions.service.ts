import { ERROR_CODES, TransferState } from '@hub/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Conflict, NotFound, TimeSource } from '@hub/core';
import { dispatchClocks } from './clocks/clock-rules';
import { TicketClocks } from './clocks/ticket-clocks.service';
import { EventTicket, emitTicketEvent, emitTicketEvents, EVENT_TICKET_COLUMNS, eventTicketFrom, eventTicketsFrom } from './ticket-events';
import { Actor, appendHistory, appendHistoryMany } from './ticket-history.writer';
import { canTransition, TicketStatus } from './ticket-status';
import type { ClassificationValue, RoutingValue } from './ticket.entity';
import type { Kind } from './ticket-vocabulary';

/** Column values a transition may set, by column name (names come from code only). */
export type TicketColumns = Record<string, unknown>;

export interface TransitionRequest {
  to: TicketStatus;
  actor: Actor;
  action: string;
  reason?: string | null;
  /** the version the caller saw; a different current version answers 409 STALE_VERSION */
  expectedVersion?: number;
  set?: TicketColumns;
  data?: Record<string, unknown>;
}

export interface DispatchRequest {
  classification: ClassificationValue;
  routing: RoutingValue;
  actor: Actor;
  action: string;
  reason?: string | null;
  expectedVersion?: number;
  set?: TicketColumns;
}

/** The ticket as a move sees it, locked FOR UPDATE. */
export interface LockedTicket {
  id: string;
  trackingCode: string;
  status: TicketStatus;
  version: number;
  kind: Kind;
  leadUnit: string | null;
  assistUnits: string[];
  regionCode: string;
  flags: string[];
  policeUnit: string | null;
  transferState: TransferState | null;
  pausedAt: Date | null;
  pauseReason: string | null;
  caseFile: Record<string, unknown>;
}

/** What a move does, decided on the locked ticket. */
export interface MovePlan {
  to: TicketStatus;
  set?: TicketColumns;
  reason?: string | null;
  data?: Record<string, unknown>;
}

export interface MoveRequest {
  actor: Actor;
  action: string;
  /** the version the caller saw; a different current version answers 409 STALE_VERSION */
  expectedVersion: number;
  /** may the caller do this at all (throws 403 before the version is looked at) */
  authorize?: (current: LockedTicket) => void;
  /** the move on the current ticket (throws 409 INVALID_TRANSITION to refuse) */
  plan: (current: LockedTicket) => MovePlan;
}

const LOCK_COLUMNS = `id, tracking_code, status, version, kind, lead_unit, assist_units, region_code, flags, police_unit, transfer_state, paused_at, pause_reason, case_file`;

const CLOCKS_END_AT: readonly TicketStatus[] = ['RETURNED', 'CLOSED', 'MERGED', 'DISCARDED'];

const JSON_COLUMNS = new Set(['classification', 'routing', 'extras', 'case_file']);

function assertVersion(current: LockedTicket, expected: number | undefined): void {
  if (expected !== undefined && expected !== current.version) {
    throw Conflict(ERROR_CODES.STALE_VERSION, `The ticket changed meanwhile (version ${current.version}, you sent ${expected}); reload it`);
  }
}

/** SQL types of the columns a bulk transition may set (jsonb_to_recordset needs them). */
const COLUMN_TYPES: Record<string, string> = {
  status: 'text',
  pipeline_step: 'text',
  kind: 'text',
  flags: 'text[]',
  duplicate_candidates: 'uuid[]',
  duplicate_of: 'uuid',
  classification: 'jsonb',
  routing: 'jsonb',
  extras: 'jsonb',
  lead_unit: 'text',
  assist_units: 'text[]',
  dispatched_at: 'timestamptz',
  accept_by: 'timestamptz',
  resolve_by: 'timestamptz',
  transfer_decision_by: 'timestamptz',
  hand_over_by: 'timestamptz',
  police_decision_by: 'timestamptz',
  deadlines_provisional: 'boolean',
  deadline_state: 'text',
};

export type BulkTransition = TransitionRequest & { ticketId: string };

/** Every status change: state machine, optimistic version, append-only history and a live event, in the caller's transaction. */
@Injectable()
export class TicketTransitions {
  constructor(
    private readonly clocks: TicketClocks,
    private readonly time: TimeSource,
  ) {}

  async transition(tx: EntityManager, ticketId: string, request: TransitionRequest) {
    const current = await this.lock(tx, ticketId);
    assertVersion(current, request.expectedVersion);
    return this.apply(tx, current, request.actor, request.action, { to: request.to, set: request.set, reason: request.reason, data: request.data });
  }

  /**
   * A move judged on the locked ticket: who may make it, then the version the caller
   * saw, then what the move does; written with its history row and live event.
   */
  async move(tx: EntityManager, ticketId: string, request: MoveRequest): Promise<{ before: LockedTicket; after: EventTicket }> {
    const current = await this.lock(tx, ticketId);
    request.authorize?.(current);
    assertVersion(current, request.expectedVersion);
    const after = await this.apply(tx, current, request.actor, request.action, request.plan(current));
    return { before: current, after };
  }

  /** A recorded event on the ticket that changes no state the caller acts on (no new version): deadline colours. */
  async annotate(tx: EntityManager, ticketId: string, entry: { actor: Actor; action: string; reason?: string | null; data?: Record<string, unknown> }): Promise<EventTicket> {
    const current = eventTicketFrom(await tx.query(`SELECT ${EVENT_TICKET_COLUMNS} FROM tickets WHERE id = $1`, [ticketId]));
    await appendHistory(tx, { ticketId, actor: entry.actor, action: entry.action, reason: entry.reason ?? null, data: entry.data });
    await emitTicketEvent(tx, 'ticket.updated', current);
    return current;
  }

  private async apply(tx: EntityManager, current: LockedTicket, actor: Actor, action: string, plan: MovePlan): Promise<EventTicket> {
    if (current.status !== plan.to && !canTransition(current.status, plan.to)) {
      throw Conflict(ERROR_CODES.INVALID_TRANSITION, `A ${current.status} ticket cannot become ${plan.to}`);
    }
    const updated = await this.write(tx, current.id, { ...plan.set, status: plan.to });
    // a ticket that leaves the unit's hands (returned, merged, discarded, closed) has no clock left to run
    if (plan.to !== current.status && CLOCKS_END_AT.includes(plan.to)) await this.clocks.stopAll(tx, current.id, this.time.now());
    await appendHistory(tx, { ticketId: current.id, actor, action, fromStatus: current.status, toStatus: plan.to, reason: plan.reason ?? null, data: plan.data });
    await emitTicketEvent(tx, 'ticket.updated', updated);
    return updated;
  }

  /**
   * Many transitions in one round of statements (one UPDATE per shape of change, one history
   * insert, one outbox insert), with the same checks as `transition`; any refusal fails them all.
   */
  async transitionMany(tx: EntityManager, requests: BulkTransition[]) {
    if (requests.length === 0) return [];
    const current = new Map((await this.lockMany(tx, requests.map((r) => r.ticketId))).map((t) => [t.id, t]));
    for (const request of requests) {
      const ticket = current.get(request.ticketId);
      if (!ticket) throw NotFound('Ticket not found');
      assertVersion(ticket as LockedTicket, request.expectedVersion);
      if (ticket.status !== request.to && !canTransition(ticket.status, request.to)) {
        throw Conflict(ERROR_CODES.INVALID_TRANSITION, `A ${ticket.status} ticket cannot become ${request.to}`);
      }
    }
    const updated = await this.writeMany(tx, requests.map((r) => ({ id: r.ticketId, ...r.set, status: r.to })));
    const now = this.time.now();
    for (const r of requests) {
      if (r.to !== current.get(r.ticketId)?.status && CLOCKS_END_AT.includes(r.to)) await this.clocks.stopAll(tx, r.ticketId, now);
    }
    await appendHistoryMany(
      tx,
      requests.map((r) => ({ ticketId: r.ticketId, actor: r.actor, action: r.action, fromStatus: current.get(r.ticketId)?.status, toStatus: r.to, reason: r.reason ?? null, data: r.data })),
      { locked: true },
    );
    await emitTicketEvents(tx, updated.map((ticket) => ({ event: 'ticket.updated' as const, ticket })));
    return updated;
  }

  /** The transition that sends a ticket to its units; `dispatchMany` also starts the clocks that run from dispatch. */
  dispatchTransition(ticketId: string, request: DispatchRequest, now: Date): BulkTransition {
    return {
      ticketId,
      to: 'DISPATCHED',
      actor: request.actor,
      action: request.action,
      reason: request.reason,
      expectedVersion: request.expectedVersion,
      data: { leadUnit: request.routing.leadUnit, assistUnits: request.routing.assistUnits, ruleId: request.routing.ruleId, confidence: request.classification.confidence },
      set: { ...request.set, classification: request.classification, routing: request.routing, lead_unit: request.routing.leadUnit, assist_units: request.routing.assistUnits, dispatched_at: now },
    };
  }

  /**
   * `transitionMany` for a router's batch: dispatches (with their clocks, as `dispatch` starts them)
   * and other transitions (triage) together.
   */
  async dispatchMany(tx: EntityManager, dispatches: Array<{ ticketId: string; kind: Kind; request: DispatchRequest }>, others: BulkTransition[], now = this.time.now()) {
    // the clocks' deadlines go into the dispatch's own UPDATE: one new version of each ticket, not two
    const clocks = await this.clocks.planRestart(tx, dispatches.flatMap((d) => dispatchClocks(d.kind).map((spec) => ({ ticketId: d.ticketId, spec }))), now);
    const updated = await this.transitionMany(tx, [
      ...dispatches.map((d) => {
        const dispatch = this.dispatchTransition(d.ticketId, d.request, now);
        return { ...dispatch, set: { ...dispatch.set, ...clocks.columns.get(d.ticketId) } };
      }),
      ...others,
    ]);
    await clocks.write();
    return updated;
  }

  /** Sends a ticket to its units and starts the clocks that run from dispatch. */
  async dispatch(tx: EntityManager, ticketId: string, kind: Kind, request: DispatchRequest) {
    const now = this.time.now();
    const updated = await this.transition(tx, ticketId, {
      to: 'DISPATCHED',
      actor: request.actor,
      action: request.action,
      reason: request.reason,
      expectedVersion: request.expectedVersion,
      data: { leadUnit: request.routing.leadUnit, assistUnits: request.routing.assistUnits, ruleId: request.routing.ruleId, confidence: request.classification.confidence },
      set: {
        ...request.set,
        classification: request.classification,
        routing: request.routing,
        lead_unit: request.routing.leadUnit,
        assist_units: request.routing.assistUnits,
        dispatched_at: now,
      },
    });
    await this.clocks.stopAll(tx, ticketId, now);
    for (const spec of dispatchClocks(kind)) await this.clocks.start(tx, ticketId, spec, now);
    return updated;
  }

  async lock(tx: EntityManager, ticketId: string): Promise<LockedTicket> {
    const rows: Array<Record<string, unknown>> = await tx.query(`SELECT ${LOCK_COLUMNS} FROM tickets WHERE id = $1 FOR UPDATE`, [ticketId]);
    const r = rows[0];
    if (!r) throw NotFound('Ticket not found');
    return {
      id: r.id as string,
      trackingCode: r.tracking_code as string,
      status: r.status as TicketStatus,
      version: r.version as number,
      kind: r.kind as Kind,
      leadUnit: r.lead_unit as string | null,
      assistUnits: r.assist_units as string[],
      regionCode: r.region_code as string,
      flags: r.flags as string[],
      policeUnit: r.police_unit as string | null,
      transferState: r.transfer_state as TransferState | null,
      pausedAt: r.paused_at as Date | null,
      pauseReason: r.pause_reason as string | null,
      caseFile: r.case_file as Record<string, unknown>,
    };
  }

  private async lockMany(tx: EntityManager, ticketIds: string[]): Promise<Array<Pick<LockedTicket, 'id' | 'status' | 'version' | 'kind'>>> {
    return tx.query(`SELECT id, status, version, kind FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ticketIds]);
  }

  /** One UPDATE … FROM jsonb_to_recordset per set of columns changed (dispatch and triage differ). */
  private async writeMany(tx: EntityManager, rows: Array<TicketColumns & { id: string }>) {
    const byShape = new Map<string, Array<TicketColumns & { id: string }>>();
    for (const row of rows) {
      const shape = Object.keys(row).sort().join(',');
      const group = byShape.get(shape);
      if (group) group.push(row);
      else byShape.set(shape, [row]);
    }
    const updated = [];
    for (const group of byShape.values()) {
      const columns = Object.keys(group[0]).filter((c) => c !== 'id');
      for (const c of columns) if (!COLUMN_TYPES[c]) throw new Error(`no bulk type for tickets.${c}`);
      const definition = ['id uuid', ...columns.map((c) => `${c} ${COLUMN_TYPES[c]}`)].join(', ');
      const assignments = columns.map((c) => `${c} = v.${c}`).join(', ');
      const returning = EVENT_TICKET_COLUMNS.split(', ').map((c) => `t.${c}`).join(', ');
      updated.push(
        ...eventTicketsFrom(
          await tx.query(`UPDATE tickets t SET ${assignments}, version = t.version + 1, updated_at = now() FROM jsonb_to_recordset($1::jsonb) AS v(${definition}) WHERE t.id = v.id RETURNING ${returning}`, [
            JSON.stringify(group),
          ]),
        ),
      );
    }
    return updated;
  }

  private async write(tx: EntityManager, ticketId: string, set: TicketColumns) {
    const columns = Object.keys(set);
    const assignments = columns.map((c, i) => `${c} = $${i + 2}${JSON_COLUMNS.has(c) ? '::jsonb' : ''}`);
    const values = columns.map((c) => (JSON_COLUMNS.has(c) && set[c] !== null ? JSON.stringify(set[c]) : set[c]));
    return eventTicketFrom(
      await tx.query(`UPDATE tickets SET ${assignments.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${EVENT_TICKET_COLUMNS}`, [ticketId, ...values]),
    );
  }
}
