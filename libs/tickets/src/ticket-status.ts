export const TICKET_STATUSES = ['RECEIVED', 'TRIAGE', 'DISPATCHED', 'ACCEPTED', 'RETURNED', 'IN_PROGRESS', 'TRANSFERRED_TO_POLICE', 'CLOSED', 'MERGED', 'DISCARDED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const OPEN_STATUSES: readonly TicketStatus[] = ['RECEIVED', 'TRIAGE', 'DISPATCHED', 'ACCEPTED', 'RETURNED', 'IN_PROGRESS', 'TRANSFERRED_TO_POLICE'];

/** Where each state may go (workflows.md lifecycle). */
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  RECEIVED: ['TRIAGE', 'DISPATCHED', 'MERGED', 'DISCARDED'],
  TRIAGE: ['DISPATCHED', 'MERGED', 'DISCARDED'],
  DISPATCHED: ['ACCEPTED', 'RETURNED', 'MERGED'],
  ACCEPTED: ['IN_PROGRESS', 'CLOSED', 'MERGED'],
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
