import type { Role, TicketStatus } from '@hub/contracts';
import type { Ticket } from '../api/types';

export const CASE_ACTIONS = ['accept', 'return', 'assist', 'fileCase', 'pause', 'resume', 'close', 'transfer', 'approve', 'refuse', 'policeAccept', 'policeDecline'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const WORKING: TicketStatus[] = ['ACCEPTED', 'IN_PROGRESS'];

interface Actor {
  roles: readonly Role[];
  unit: string | null;
}

/**
 * Which buttons the case view offers. Only a hint for the screen: the server decides every move
 * and its refusal is shown in words.
 */
export function caseActions(ticket: Ticket, actor: Actor): Record<CaseAction, boolean> {
  const has = (...roles: Role[]) => actor.roles.some((role) => roles.includes(role));
  const lead = actor.unit !== null && ticket.routing?.leadUnit === actor.unit && has('HANDLER', 'UNIT_HEAD');
  const paused = ticket.case.paused !== null;
  const transferPending = ticket.case.transfer?.state === 'PROPOSED';
  const working = lead && WORKING.includes(ticket.status) && !transferPending;
  return {
    accept: lead && ticket.status === 'DISPATCHED',
    return: lead && ticket.status === 'DISPATCHED',
    assist: lead && ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS'].includes(ticket.status),
    fileCase: working && ticket.status === 'ACCEPTED' && !paused,
    pause: working && !paused,
    resume: lead && paused,
    close: working && !paused,
    transfer: working && ticket.status === 'IN_PROGRESS' && !paused,
    approve: lead && has('UNIT_HEAD') && transferPending,
    refuse: lead && has('UNIT_HEAD') && transferPending,
    policeAccept: has('POLICE_LIAISON') && ticket.status === 'TRANSFERRED_TO_POLICE',
    policeDecline: has('POLICE_LIAISON') && ticket.status === 'TRANSFERRED_TO_POLICE',
  };
}
