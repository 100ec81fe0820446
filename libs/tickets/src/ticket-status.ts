import { OPEN_STATUSES, TicketStatus } from '@hub/contracts';

export { DECIDABLE_STATUSES, OPEN_STATUSES, TERMINAL_STATUSES, TICKET_STATUSES, TRIAGE_STATUSES, UNIT_OPEN_STATUSES } from '@hub/contracts';
export type { TicketStatus } from '@hub/contracts';

/** Where each state may go (workflows.md lifecycle). */
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  RECEIVED: ['TRIAGE', 'DISPATCHED', 'MERGED', 'DISCARDED'],
  TRIAGE: ['DISPATCHED', 'MERGED', 'DISCARDED'],
  DISPATCHED: ['ACCEPTED', 'RETURNED', 'MERGED'],
  ACCEPTED: ['IN_PROGRESS', 'CLOSED', 'TRANSFERRED_TO_POLICE', 'MERGED'],
  RETURNED: ['DISPATCHED', 'DISCARDED', 'MERGED'],
  IN_PROGRESS: ['CLOSED', 'TRANSFERRED_TO_POLICE', 'MERGED'],
  TRANSFERRED_TO_POLICE: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: [],
  MERGED: [],
  DISCARDED: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const isOpen = (status: TicketStatus) => OPEN_STATUSES.includes(status);
