import type { Role, TicketStatus } from '@hub/contracts';
import type { Ticket } from '../api/types';

export const CASE_MOVES = ['accept', 'return', 'assist', 'fileCase', 'pause', 'resume', 'close', 'transfer', 'approve', 'refuse', 'reconsider', 'policeAccept', 'policeDecline', 'extend'] as const;
export type CaseAction = (typeof CASE_MOVES)[number];

const HANDLING: readonly TicketStatus[] = ['ACCEPTED', 'IN_PROGRESS'];

interface Actor {
  roles: readonly Role[];
  unit: string | null;
}

/**
 * Which buttons the case view enables, after the server's lifecycle (libs/cases): the same roles,
 * states and conditions. Only a hint for the screen: the server judges every move, and its refusal
 * is shown in words.
 */
export function caseActions(ticket: Ticket, actor: Actor): Record<CaseAction, boolean> {
  const has = (...roles: Role[]) => actor.roles.some((role) => roles.includes(role));
  const { status, kind } = ticket;
  const { paused, transfer } = ticket.case;
  const leadStaff = actor.unit !== null && ticket.routing?.leadUnit === actor.unit && has('HANDLER', 'UNIT_HEAD');
  const leadHead = leadStaff && has('UNIT_HEAD');
  const police = has('POLICE_LIAISON') && actor.unit !== null && transfer?.policeUnit === actor.unit;
  const handling = HANDLING.includes(status);
  const transferState = transfer?.state ?? null;
  const withPolice = status === 'TRANSFERRED_TO_POLICE' && transferState === 'WITH_POLICE';
  return {
    accept: leadStaff && status === 'DISPATCHED',
    return: leadStaff && status === 'DISPATCHED',
    assist: leadStaff && ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS'].includes(status),
    fileCase: leadStaff && status === 'ACCEPTED' && (kind === 'COMPLAINT' || kind === 'REPORT'),
    pause: leadStaff && handling && paused === null,
    resume: leadStaff && handling && paused !== null,
    close: leadStaff && handling && transferState !== 'PROPOSED' && transferState !== 'WITH_POLICE',
    transfer: leadStaff && handling && (transferState === null || transferState === 'REFUSED'),
    approve: leadHead && handling && transferState === 'PROPOSED',
    refuse: leadHead && handling && transferState === 'PROPOSED',
    reconsider: leadHead && status === 'IN_PROGRESS' && transferState === 'DECLINED' && !transfer?.reconsiderationRequested,
    policeAccept: police && withPolice,
    policeDecline: police && withPolice,
    extend: police && withPolice && !transfer?.extended,
  };
}
