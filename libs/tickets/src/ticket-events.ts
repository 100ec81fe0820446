import type { EntityManager } from 'typeorm';
import type { TicketEventName, TicketEventPayload, TicketStatus } from '@hub/contracts';
import { OUTBOX_TOPICS, returningRows, writeOutbox } from '@hub/core';

export type EventTicket = Omit<TicketEventPayload, 'event'>;

/** What an UPDATE … RETURNING must give back to announce the change. */
export const EVENT_TICKET_COLUMNS = 'id, tracking_code, status, version, lead_unit, assist_units, police_unit';

/** The first row of an UPDATE … RETURNING ${EVENT_TICKET_COLUMNS}, as the ticket the event names. */
export function eventTicketFrom(result: unknown): EventTicket {
  const [t] = returningRows<{ id: string; tracking_code: string; status: TicketStatus; version: number; lead_unit: string | null; assist_units: string[]; police_unit: string | null }>(result);
  return { id: t.id, trackingCode: t.tracking_code, status: t.status, version: t.version, leadUnit: t.lead_unit, assistUnits: t.assist_units, policeUnit: t.police_unit };
}

export function ticketEvent(event: TicketEventName, t: EventTicket): TicketEventPayload {
  return { event, id: t.id, trackingCode: t.trackingCode, status: t.status, version: t.version, leadUnit: t.leadUnit, assistUnits: t.assistUnits, policeUnit: t.policeUnit ?? null };
}

/** Queues a live event for consoles, committed with the change it reports. */
export function emitTicketEvent(manager: EntityManager, event: TicketEventName, t: EventTicket): Promise<void> {
  return writeOutbox(manager, [{ topic: OUTBOX_TOPICS.event, ticketId: t.id, payload: { ...ticketEvent(event, t) } }]);
}

/** Events for many tickets in one outbox statement. */
export function emitTicketEvents(manager: EntityManager, events: Array<{ event: TicketEventName; ticket: EventTicket }>): Promise<void> {
  return writeOutbox(manager, events.map(({ event, ticket }) => ({ topic: OUTBOX_TOPICS.event, ticketId: ticket.id, payload: { ...ticketEvent(event, ticket) } })));
}

/** Every row of an UPDATE … RETURNING ${EVENT_TICKET_COLUMNS}. */
export function eventTicketsFrom(result: unknown): EventTicket[] {
  return returningRows<{ id: string; tracking_code: string; status: TicketStatus; version: number; lead_unit: string | null; assist_units: string[]; police_unit: string | null }>(result).map((t) => ({
    id: t.id,
    trackingCode: t.tracking_code,
    status: t.status,
    version: t.version,
    leadUnit: t.lead_unit,
    assistUnits: t.assist_units,
    policeUnit: t.police_unit,
  }));
}
