import { CaseAction, CloseOutcome, ERROR_CODES, Kind, PoliceDecision, Role, TicketStatus, TransferState } from '@hub/contracts';

/** What the lifecycle needs to know about a ticket to judge a move. */
export interface CaseState {
  status: TicketStatus;
  kind: Kind;
  leadUnit: string | null;
  policeUnit: string | null;
  paused: boolean;
  transferState: TransferState | null;
  reconsiderationUsed: boolean;
  policeExtended: boolean;
}

export interface CaseActor {
  roles: readonly Role[];
  unit: string | null;
}

export type CaseMove =
  | { action: Exclude<CaseAction, 'close' | 'transfer/decide'> }
  | { action: 'close'; outcome: CloseOutcome }
  | { action: 'transfer/decide'; decision: PoliceDecision };

export type Verdict =
  | { allowed: true; to: TicketStatus; transferState: TransferState | null; paused: boolean }
  | { allowed: false; code: typeof ERROR_CODES.FORBIDDEN | typeof ERROR_CODES.INVALID_TRANSITION; message: string };

type Actor = 'LEAD_STAFF' | 'LEAD_HEAD' | 'POLICE';

interface Rule {
  /** who may make the move */
  by: Actor;
  from: readonly TicketStatus[];
  /** further conditions on the ticket; a message when refused */
  check?: (state: CaseState, move: CaseMove) => string | null;
  to: (state: CaseState, move: CaseMove) => TicketStatus;
  transfer?: (state: CaseState, move: CaseMove) => TransferState | null;
  paused?: (state: CaseState) => boolean;
}

const HANDLING: readonly TicketStatus[] = ['ACCEPTED', 'IN_PROGRESS'];
const same = (s: CaseState) => s.status;
const transferOpen = (s: CaseState) => s.transferState === 'PROPOSED' || s.transferState === 'WITH_POLICE';

/** The case lifecycle of workflows.md: every move a unit or the police makes on a dispatched ticket. */
export const CASE_RULES: Record<CaseAction, Rule> = {
  accept: { by: 'LEAD_STAFF', from: ['DISPATCHED'], to: () => 'ACCEPTED' },
  return: { by: 'LEAD_STAFF', from: ['DISPATCHED'], to: () => 'RETURNED' },
  assist: { by: 'LEAD_STAFF', from: ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS'], to: same },
  'file-case': {
    by: 'LEAD_STAFF',
    from: ['ACCEPTED'],
    check: (s) => (s.kind === 'COMPLAINT' || s.kind === 'REPORT' ? null : `A ${s.kind} is answered, not filed as a case`),
    to: () => 'IN_PROGRESS',
  },
  pause: { by: 'LEAD_STAFF', from: HANDLING, check: (s) => (s.paused ? 'The clock is already paused' : null), to: same, paused: () => true },
  resume: { by: 'LEAD_STAFF', from: HANDLING, check: (s) => (s.paused ? null : 'The clock is not paused'), to: same, paused: () => false },
  close: {
    by: 'LEAD_STAFF',
    from: HANDLING,
    check: (s, m) => {
      if (transferOpen(s)) return 'A transfer to the police is pending; it must be decided first';
      const outcome = (m as { outcome: CloseOutcome }).outcome;
      if (outcome === 'PENALIZED' && s.status !== 'IN_PROGRESS') return 'A penalty needs a filed case (立案) first';
      if ((outcome === 'MEDIATED' || outcome === 'MEDIATION_FAILED') && s.kind !== 'COMPLAINT') return 'Only a complaint is mediated';
      return null;
    },
    to: () => 'CLOSED',
    paused: () => false,
  },
  transfer: {
    by: 'LEAD_STAFF',
    from: HANDLING,
    check: (s) => (s.transferState === null || s.transferState === 'REFUSED' ? null : `A transfer is already ${s.transferState}`),
    to: same,
    transfer: () => 'PROPOSED',
  },
  'transfer/approve': {
    by: 'LEAD_HEAD',
    from: HANDLING,
    check: (s) => (s.transferState === 'PROPOSED' ? null : 'No transfer is waiting for approval'),
    to: () => 'TRANSFERRED_TO_POLICE',
    transfer: () => 'WITH_POLICE',
    paused: () => false,
  },
  'transfer/refuse': {
    by: 'LEAD_HEAD',
    from: HANDLING,
    check: (s) => (s.transferState === 'PROPOSED' ? null : 'No transfer is waiting for approval'),
    to: same,
    transfer: () => 'REFUSED',
  },
  'transfer/decide': {
    by: 'POLICE',
    from: ['TRANSFERRED_TO_POLICE'],
    check: (s) => (s.transferState === 'WITH_POLICE' ? null : 'The transfer is not waiting for a police decision'),
    to: (_, m) => ((m as { decision: PoliceDecision }).decision === 'ACCEPTED' ? 'CLOSED' : 'IN_PROGRESS'),
    transfer: (_, m) => (m as { decision: PoliceDecision }).decision,
  },
  'transfer/extend': {
    by: 'POLICE',
    from: ['TRANSFERRED_TO_POLICE'],
    check: (s) => (s.transferState !== 'WITH_POLICE' ? 'The transfer is not waiting for a police decision' : s.policeExtended ? 'The decision period was extended already' : null),
    to: same,
    transfer: () => 'WITH_POLICE',
  },
  'transfer/reconsider': {
    by: 'LEAD_HEAD',
    from: ['IN_PROGRESS'],
    check: (s) => (s.transferState !== 'DECLINED' ? 'Only a declined transfer can be reconsidered' : s.reconsiderationUsed ? 'Reconsideration may be asked once only' : null),
    to: () => 'TRANSFERRED_TO_POLICE',
    transfer: () => 'WITH_POLICE',
    paused: () => false,
  },
};

const ACTOR_TEXT: Record<Actor, string> = {
  LEAD_STAFF: 'the lead unit’s handler or unit head',
  LEAD_HEAD: 'the lead unit’s head',
  POLICE: 'the police liaison of the unit it was transferred to',
};

function mayAct(by: Actor, state: CaseState, actor: CaseActor): boolean {
  const has = (...roles: Role[]) => actor.roles.some((r) => roles.includes(r));
  switch (by) {
    case 'LEAD_STAFF':
      return has('HANDLER', 'UNIT_HEAD') && !!actor.unit && actor.unit === state.leadUnit;
    case 'LEAD_HEAD':
      return has('UNIT_HEAD') && !!actor.unit && actor.unit === state.leadUnit;
    case 'POLICE':
      return has('POLICE_LIAISON') && !!actor.unit && actor.unit === state.policeUnit;
  }
}

/**
 * Judges one move: first who may make it (refused: FORBIDDEN), then whether the ticket's
 * state allows it (refused: INVALID_TRANSITION). Pure; the caller applies the verdict.
 */
export function judgeMove(state: CaseState, actor: CaseActor, move: CaseMove): Verdict {
  const rule = CASE_RULES[move.action];
  if (!mayAct(rule.by, state, actor)) return { allowed: false, code: ERROR_CODES.FORBIDDEN, message: `Only ${ACTOR_TEXT[rule.by]} may ${move.action.replace('/', ' ')}` };
  if (!rule.from.includes(state.status)) {
    return { allowed: false, code: ERROR_CODES.INVALID_TRANSITION, message: `A ${state.status} ticket cannot ${move.action.replace('/', ' ')}` };
  }
  const refusal = rule.check?.(state, move) ?? null;
  if (refusal) return { allowed: false, code: ERROR_CODES.INVALID_TRANSITION, message: refusal };
  return {
    allowed: true,
    to: rule.to(state, move),
    transferState: rule.transfer ? rule.transfer(state, move) : state.transferState,
    paused: rule.paused ? rule.paused(state) : state.paused,
  };
}
