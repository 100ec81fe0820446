import { DECIDABLE_STATUSES, TERMINAL_STATUSES } from '@hub/contracts';
import type { Ticket } from '../api/types';

export type ActionKind = 'confirm' | 'correct' | 'merge' | 'discard';

export function allowedActions(ticket: Ticket): Record<ActionKind, boolean> {
  const decidable = DECIDABLE_STATUSES.includes(ticket.status);
  return {
    confirm: decidable && ticket.classification !== null,
    correct: decidable,
    merge: !TERMINAL_STATUSES.includes(ticket.status) && ticket.duplicateCandidates.length > 0,
    discard: decidable,
  };
}
