import type { TicketStatus } from '@hub/contracts';
import type { Ticket } from '../api/types';

const DECIDABLE: TicketStatus[] = ['RECEIVED', 'TRIAGE', 'RETURNED'];
const FINISHED: TicketStatus[] = ['CLOSED', 'MERGED', 'DISCARDED'];

export type ActionKind = 'confirm' | 'correct' | 'merge' | 'discard';

export function allowedActions(ticket: Ticket): Record<ActionKind, boolean> {
  const decidable = DECIDABLE.includes(ticket.status);
  return {
    confirm: decidable && ticket.classification !== null,
    correct: decidable,
    merge: !FINISHED.includes(ticket.status) && ticket.duplicateCandidates.length > 0,
    discard: decidable,
  };
}
