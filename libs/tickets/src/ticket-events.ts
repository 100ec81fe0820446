import type { EntityManager } from 'typeorm';
import { OUTBOX_TOPICS, TicketEventName, TicketEventPayload, writeOutbox } from '@hub/core';

export type EventTicket = Omit<TicketEventPayload, 'event'>;

export function ticketEvent(event: TicketEventName, t: EventTicket): TicketEventPayload {
  return { event, id: t.id, trackingCode: t.trackingCode, status: t.status, version: t.version, leadUnit: t.leadUnit, assistUnits: t.assistUnits };
}

/** Queues a live event for consoles, committed with the change it reports. */
export function emitTicketEvent(manager: EntityManager, event: TicketEventName, t: EventTicket): Promise<void> {
  return writeOutbox(manager, [{ topic: OUTBOX_TOPICS.event, ticketId: t.id, payload: { ...ticketEvent(event, t) } }]);
}
