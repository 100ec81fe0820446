import type { TicketEventPayload } from '@hub/core';

export interface ClaimView {
  userId: string;
  displayName: string;
  expiresAt: string;
}

export interface ClaimChangedMessage {
  event: 'claim.changed';
  ticketId: string;
  claim: ClaimView | null;
}

/** The operators' counters bar, computed by one api process for all (see CountersBroadcaster). */
export interface CountersMessage {
  event: 'counters';
  counters: unknown;
}

/** Everything that travels on the events channel, from any api or worker process. */
export type LiveMessage = TicketEventPayload | ClaimChangedMessage | CountersMessage;

export const OPERATOR_ROOM = 'operators';
export const unitRoom = (unit: string) => `unit:${unit}`;
