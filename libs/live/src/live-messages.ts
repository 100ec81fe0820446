import type { ClaimView, TicketEventPayload } from '@hub/contracts';

export type { ClaimView } from '@hub/contracts';

export interface ClaimChangedMessage {
  event: 'claim.changed';
  ticketId: string;
  claim: ClaimView | null;
}

/** Everything that travels on the events channel, from any api or worker process. */
export type LiveMessage = TicketEventPayload | ClaimChangedMessage;

export const OPERATOR_ROOM = 'operators';
export const unitRoom = (unit: string) => `unit:${unit}`;
