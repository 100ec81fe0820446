import { CASE_ACTIONS, CaseAction, Role, TICKET_STATUSES, TicketStatus } from '@hub/contracts';
import { canTransition } from '@hub/tickets/ticket-status';
import { CaseActor, CaseMove, CaseState, judgeMove } from './case-lifecycle';

const LEAD = 'AIC@220100';
const POLICE = 'POLICE@220100';
const base: CaseState = { status: 'DISPATCHED', kind: 'REPORT', leadUnit: LEAD, policeUnit: null, paused: false, transferState: null, reconsiderationUsed: false, policeExtended: false };

const ACTORS: Record<string, CaseActor> = {
  leadHandler: { roles: ['HANDLER'], unit: LEAD },
  leadHead: { roles: ['UNIT_HEAD'], unit: LEAD },
  assistHandler: { roles: ['HANDLER'], unit: 'FSO@220100' },
  otherUnitHead: { roles: ['UNIT_HEAD'], unit: 'AIC@220200' },
  police: { roles: ['POLICE_LIAISON'], unit: POLICE },
  otherPolice: { roles: ['POLICE_LIAISON'], unit: 'POLICE@220200' },
  operator: { roles: ['OPERATOR'] as Role[], unit: null },
  supervisor: { roles: ['SUPERVISOR'], unit: 'COMMERCE@220000' },
  prosecutor: { roles: ['PROSECUTOR'], unit: null },
};

/** The state a move needs besides its status, so each row isolates the role and status rules. */
function stateFor(action: CaseAction, status: TicketStatus): CaseState {
  const s = { ...base, status };
  if (action === 'resume') return { ...s, paused: true };
  if (action === 'transfer/approve' || action === 'transfer/refuse') return { ...s, transferState: 'PROPOSED' };
  if (action === 'transfer/decide' || action === 'transfer/extend') return { ...s, transferState: 'WITH_POLICE', policeUnit: POLICE };
  if (action === 'transfer/reconsider') return { ...s, transferState: 'DECLINED', policeUnit: POLICE };
  return s;
}

const moveFor = (action: CaseAction): CaseMove =>
  action === 'close' ? { action, outcome: 'NO_CASE' } : action === 'transfer/decide' ? { action, decision: 'ACCEPTED' } : ({ action } as CaseMove);

/** Every allowed (action, from) with who may do it and where it leads; everything else is refused. */
const ALLOWED: Array<[CaseAction, TicketStatus, string[], TicketStatus]> = [
  ['accept', 'DISPATCHED', ['leadHandler', 'leadHead'], 'ACCEPTED'],
  ['return', 'DISPATCHED', ['leadHandler', 'leadHead'], 'RETURNED'],
  ['assist', 'DISPATCHED', ['leadHandler', 'leadHead'], 'DISPATCHED'],
  ['assist', 'ACCEPTED', ['leadHandler', 'leadHead'], 'ACCEPTED'],
  ['assist', 'IN_PROGRESS', ['leadHandler', 'leadHead'], 'IN_PROGRESS'],
  ['file-case', 'ACCEPTED', ['leadHandler', 'leadHead'], 'IN_PROGRESS'],
  ['pause', 'ACCEPTED', ['leadHandler', 'leadHead'], 'ACCEPTED'],
  ['pause', 'IN_PROGRESS', ['leadHandler', 'leadHead'], 'IN_PROGRESS'],
  ['resume', 'ACCEPTED', ['leadHandler', 'leadHead'], 'ACCEPTED'],
  ['resume', 'IN_PROGRESS', ['leadHandler', 'leadHead'], 'IN_PROGRESS'],
  ['close', 'ACCEPTED', ['leadHandler', 'leadHead'], 'CLOSED'],
  ['close', 'IN_PROGRESS', ['leadHandler', 'leadHead'], 'CLOSED'],
  ['transfer', 'ACCEPTED', ['leadHandler', 'leadHead'], 'ACCEPTED'],
  ['transfer', 'IN_PROGRESS', ['leadHandler', 'leadHead'], 'IN_PROGRESS'],
  ['transfer/approve', 'ACCEPTED', ['leadHead'], 'TRANSFERRED_TO_POLICE'],
  ['transfer/approve', 'IN_PROGRESS', ['leadHead'], 'TRANSFERRED_TO_POLICE'],
  ['transfer/refuse', 'ACCEPTED', ['leadHead'], 'ACCEPTED'],
  ['transfer/refuse', 'IN_PROGRESS', ['leadHead'], 'IN_PROGRESS'],
  ['transfer/decide', 'TRANSFERRED_TO_POLICE', ['police'], 'CLOSED'],
  ['transfer/extend', 'TRANSFERRED_TO_POLICE', ['police'], 'TRANSFERRED_TO_POLICE'],
  ['transfer/reconsider', 'IN_PROGRESS', ['leadHead'], 'TRANSFERRED_TO_POLICE'],
];

describe('case lifecycle', () => {
  const cases = CASE_ACTIONS.flatMap((action) => TICKET_STATUSES.flatMap((status) => Object.keys(ACTORS).map((who) => [action, status, who] as const)));

  it.each(cases)('%s from %s by %s', (action, status, who) => {
    const row = ALLOWED.find(([a, from]) => a === action && from === status);
    const verdict = judgeMove(stateFor(action, status), ACTORS[who], moveFor(action));
    const mayAct = ALLOWED.some(([a, , by]) => a === action && by.includes(who));
    const expected = !mayAct ? { allowed: false, code: 'FORBIDDEN' } : !row ? { allowed: false, code: 'INVALID_TRANSITION' } : { allowed: true, to: row[3] };
    expect(verdict).toMatchObject(expected);
  });

  it.each(ALLOWED)('%s from %s leads where the ticket lifecycle allows', (_action, from, _by, to) => {
    expect(from === to || canTransition(from, to)).toBe(true);
  });

  it('refuses a penalty without a filed case and mediation of a report', () => {
    const accepted = { ...base, status: 'ACCEPTED' as const };
    expect(judgeMove(accepted, ACTORS.leadHandler, { action: 'close', outcome: 'PENALIZED' })).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    expect(judgeMove({ ...accepted, status: 'IN_PROGRESS' }, ACTORS.leadHandler, { action: 'close', outcome: 'PENALIZED' })).toMatchObject({ allowed: true, to: 'CLOSED' });
    expect(judgeMove(accepted, ACTORS.leadHandler, { action: 'close', outcome: 'MEDIATED' })).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    expect(judgeMove({ ...accepted, kind: 'COMPLAINT' }, ACTORS.leadHandler, { action: 'close', outcome: 'MEDIATED' })).toMatchObject({ allowed: true });
  });

  it('does not file an enquiry as a case', () => {
    expect(judgeMove({ ...base, status: 'ACCEPTED', kind: 'CONSULTATION' }, ACTORS.leadHandler, { action: 'file-case' })).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
  });

  it('pauses once and resumes only a paused clock', () => {
    const s = { ...base, status: 'IN_PROGRESS' as const };
    expect(judgeMove(s, ACTORS.leadHandler, { action: 'pause' })).toMatchObject({ allowed: true, paused: true });
    expect(judgeMove({ ...s, paused: true }, ACTORS.leadHandler, { action: 'pause' })).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    expect(judgeMove(s, ACTORS.leadHandler, { action: 'resume' })).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    expect(judgeMove({ ...s, paused: true }, ACTORS.leadHandler, { action: 'close', outcome: 'NO_CASE' })).toMatchObject({ allowed: true, paused: false });
  });

  it('walks a transfer: proposed, refused, proposed again, approved, declined, reconsidered once, accepted', () => {
    let s: CaseState = { ...base, status: 'IN_PROGRESS' };
    const apply = (actor: CaseActor, move: CaseMove) => {
      const v = judgeMove(s, actor, move);
      if (!v.allowed) throw new Error(v.message);
      s = { ...s, status: v.to, transferState: v.transferState, paused: v.paused };
      return s;
    };
    expect(apply(ACTORS.leadHandler, { action: 'transfer' }).transferState).toBe('PROPOSED');
    expect(judgeMove(s, ACTORS.leadHandler, { action: 'transfer' })).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    expect(judgeMove(s, ACTORS.leadHandler, { action: 'close', outcome: 'NO_CASE' })).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    expect(apply(ACTORS.leadHead, { action: 'transfer/refuse' }).transferState).toBe('REFUSED');
    apply(ACTORS.leadHandler, { action: 'transfer' });
    expect(apply(ACTORS.leadHead, { action: 'transfer/approve' })).toMatchObject({ status: 'TRANSFERRED_TO_POLICE', transferState: 'WITH_POLICE' });
    s = { ...s, policeUnit: POLICE };
    expect(judgeMove(s, ACTORS.otherPolice, { action: 'transfer/decide', decision: 'DECLINED' })).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    expect(apply(ACTORS.police, { action: 'transfer/decide', decision: 'DECLINED' })).toMatchObject({ status: 'IN_PROGRESS', transferState: 'DECLINED' });
    expect(judgeMove(s, ACTORS.leadHandler, { action: 'transfer' })).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    apply(ACTORS.leadHead, { action: 'transfer/reconsider' });
    s = { ...s, reconsiderationUsed: true };
    expect(apply(ACTORS.police, { action: 'transfer/decide', decision: 'DECLINED' }).status).toBe('IN_PROGRESS');
    expect(judgeMove(s, ACTORS.leadHead, { action: 'transfer/reconsider' })).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    expect(judgeMove({ ...s, status: 'TRANSFERRED_TO_POLICE', transferState: 'WITH_POLICE', policeExtended: true }, ACTORS.police, { action: 'transfer/extend' })).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
  });
});
