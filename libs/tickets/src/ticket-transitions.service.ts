import { ERROR_CODES } from '@hub/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Conflict, NotFound } from '@hub/core';
import { deadlinesAtDispatch } from './deadlines';
import { emitTicketEvent, EVENT_TICKET_COLUMNS, eventTicketFrom } from './ticket-events';
import { Actor, appendHistory } from './ticket-history.writer';
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

/** Every status change: state machine, optimistic version, append-only history and a live event, in the caller's transaction. */
@Injectable()
export class TicketTransitions {
  private readonly calendar = new WorkingDayCalendar();

  async transition(tx: EntityManager, ticketId: string, request: TransitionRequest) {
    const current = await this.lock(tx, ticketId);
    if (request.expectedVersion !== undefined && request.expectedVersion !== current.version) {
      throw Conflict(ERROR_CODES.STALE_VERSION, `The ticket changed meanwhile (version ${current.version}, you sent ${request.expectedVersion}); reload it`);
    }
    if (current.status !== request.to && !canTransition(current.status, request.to)) {
      throw Conflict(ERROR_CODES.INVALID_TRANSITION, `A ${current.status} ticket cannot become ${request.to}`);
    }
    const updated = await this.write(tx, ticketId, { ...request.set, status: request.to });
    await appendHistory(tx, { ticketId, actor: request.actor, action: request.action, fromStatus: current.status, toStatus: request.to, reason: request.reason ?? null, data: request.data });
    await emitTicketEvent(tx, 'ticket.updated', updated);
    return updated;
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

  private async write(tx: EntityManager, ticketId: string, set: TicketColumns) {
    const columns = Object.keys(set);
    const assignments = columns.map((c, i) => `${c} = $${i + 2}${JSON_COLUMNS.has(c) ? '::jsonb' : ''}`);
    const values = columns.map((c) => (JSON_COLUMNS.has(c) && set[c] !== null ? JSON.stringify(set[c]) : set[c]));
    return eventTicketFrom(
      await tx.query(`UPDATE tickets SET ${assignments.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${EVENT_TICKET_COLUMNS}`, [ticketId, ...values]),
    );
  }
}
