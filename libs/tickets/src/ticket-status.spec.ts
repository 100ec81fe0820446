import { canTransition, isOpen, TICKET_STATUSES } from './ticket-status';

describe('ticket lifecycle', () => {
  it.each([
    ['RECEIVED', 'DISPATCHED'],
    ['RECEIVED', 'TRIAGE'],
    ['TRIAGE', 'DISPATCHED'],
    ['DISPATCHED', 'ACCEPTED'],
    ['DISPATCHED', 'RETURNED'],
    ['RETURNED', 'DISPATCHED'],
    ['RETURNED', 'DISCARDED'],
    ['IN_PROGRESS', 'TRANSFERRED_TO_POLICE'],
    ['TRANSFERRED_TO_POLICE', 'CLOSED'],
    ['TRIAGE', 'MERGED'],
  ] as const)('allows %s → %s', (from, to) => expect(canTransition(from, to)).toBe(true));

  it.each([
    ['RECEIVED', 'CLOSED'],
    ['DISPATCHED', 'DISCARDED'],
    ['CLOSED', 'IN_PROGRESS'],
    ['MERGED', 'DISPATCHED'],
    ['DISCARDED', 'TRIAGE'],
  ] as const)('refuses %s → %s', (from, to) => expect(canTransition(from, to)).toBe(false));

  it('ends in CLOSED, MERGED or DISCARDED only', () => {
    const terminal = TICKET_STATUSES.filter((s) => !isOpen(s));
    expect(terminal.sort()).toEqual(['CLOSED', 'DISCARDED', 'MERGED']);
  });
});
