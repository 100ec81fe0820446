import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Conflict, NotFound } from '@hub/core';
import { deadlinesAtDispatch } from './deadlines';
import { emitTicketEvent, emitTicketEvents, EVENT_TICKET_COLUMNS, eventTicketFrom, eventTicketsFrom } from './ticket-events';
import { Actor, appendHistory, appendHistoryMany } from './ticket-history.writer';
import { canTransition, TicketStatus } from './ticket-status';
import type { ClassificationValue, RoutingValue } from './ticket.entity';
import type { Kind } from './ticket-vocabulary';
import { WorkingDayCalendar } from './working-days';

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

interface LockedTicket {
  id: string;
  status: TicketStatus;
  version: number;
  kind: Kind;
}

const JSON_COLUMNS = new Set(['classification', 'routing', 'extras']);

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
  deadlines_provisional: 'boolean',
};

export type BulkTransition = TransitionRequest & { ticketId: string };

/** Every status change: state machine, optimistic version, append-only history and a live event, in the caller's transaction. */
@Injectable()
export class TicketTransitions {
  private readonly calendar = new WorkingDayCalendar();

  async transition(tx: EntityManager, ticketId: string, request: TransitionRequest) {
    const current = await this.lock(tx, ticketId);
    if (request.expectedVersion !== undefined && request.expectedVersion !== current.version) {
      throw Conflict('STALE_VERSION', `The ticket changed meanwhile (version ${current.version}, you sent ${request.expectedVersion}); reload it`);
    }
    if (current.status !== request.to && !canTransition(current.status, request.to)) {
      throw Conflict('WRONG_STATE', `A ${current.status} ticket cannot become ${request.to}`);
    }
    const updated = await this.write(tx, ticketId, { ...request.set, status: request.to });
    await appendHistory(tx, { ticketId, actor: request.actor, action: request.action, fromStatus: current.status, toStatus: request.to, reason: request.reason ?? null, data: request.data });
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
      if (request.expectedVersion !== undefined && request.expectedVersion !== ticket.version) {
        throw Conflict('STALE_VERSION', `The ticket changed meanwhile (version ${ticket.version}, you sent ${request.expectedVersion}); reload it`);
      }
      if (ticket.status !== request.to && !canTransition(ticket.status, request.to)) throw Conflict('WRONG_STATE', `A ${ticket.status} ticket cannot become ${request.to}`);
    }
    const updated = await this.writeMany(tx, requests.map((r) => ({ id: r.ticketId, ...r.set, status: r.to })));
    await appendHistoryMany(
      tx,
      requests.map((r) => ({ ticketId: r.ticketId, actor: r.actor, action: r.action, fromStatus: current.get(r.ticketId)?.status, toStatus: r.to, reason: r.reason ?? null, data: r.data })),
    );
    await emitTicketEvents(tx, updated.map((ticket) => ({ event: 'ticket.updated' as const, ticket })));
    return updated;
  }

  /** The transition that sends a ticket to its units and starts the clocks that run from dispatch. */
  dispatchTransition(ticketId: string, kind: Kind, request: DispatchRequest, now = new Date()): BulkTransition {
    const deadlines = deadlinesAtDispatch(kind, now, this.calendar);
    return {
      ticketId,
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
        accept_by: deadlines.acceptBy,
        resolve_by: deadlines.resolveBy,
        deadlines_provisional: deadlines.provisional,
      },
    };
  }

  /** Sends a ticket to its units and starts the clocks that run from dispatch. */
  dispatch(tx: EntityManager, ticketId: string, kind: Kind, request: DispatchRequest) {
    const now = new Date();
    const deadlines = deadlinesAtDispatch(kind, now, this.calendar);
    return this.transition(tx, ticketId, {
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
        accept_by: deadlines.acceptBy,
        resolve_by: deadlines.resolveBy,
        deadlines_provisional: deadlines.provisional,
      },
    });
  }

  async lock(tx: EntityManager, ticketId: string): Promise<LockedTicket> {
    const rows: LockedTicket[] = await tx.query(`SELECT id, status, version, kind FROM tickets WHERE id = $1 FOR UPDATE`, [ticketId]);
    if (!rows[0]) throw NotFound('Ticket not found');
    return rows[0];
  }

  private async lockMany(tx: EntityManager, ticketIds: string[]): Promise<LockedTicket[]> {
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
