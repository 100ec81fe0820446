import type { Role, TicketStatus, TransferState } from '@hub/contracts';
import type { Ticket } from '../api/types';
import { caseActions, type CaseAction } from './caseRules';

function ticket(status: TicketStatus, transfer: TransferState | null = null, paused = false): Ticket {
  return {
    status,
    kind: 'REPORT',
    routing: { leadUnit: 'AIC@220100', assistUnits: [] },
    case: {
      paused: paused ? { reason: 'TESTING', from: '2026-03-01T00:00:00.000Z', to: null, workingDays: null } : null,
      transfer: transfer ? { state: transfer, policeUnit: 'POLICE@220100', extended: false, reconsiderationRequested: false } : null,
    },
  } as unknown as Ticket;
}

const handler = { roles: ['HANDLER'] as Role[], unit: 'AIC@220100' };
const head = { roles: ['UNIT_HEAD'] as Role[], unit: 'AIC@220100' };
const otherUnit = { roles: ['HANDLER'] as Role[], unit: 'QTS@220300' };
const police = { roles: ['POLICE_LIAISON'] as Role[], unit: 'POLICE@220100' };

const enabled = (actions: Record<CaseAction, boolean>) => (Object.keys(actions) as CaseAction[]).filter((action) => actions[action]).sort();

describe('the buttons the case view enables', () => {
  it('offers accept, return and assist on a dispatched ticket to the lead unit only', () => {
    expect(enabled(caseActions(ticket('DISPATCHED'), handler))).toEqual(['accept', 'assist', 'return']);
    expect(enabled(caseActions(ticket('DISPATCHED'), otherUnit))).toEqual([]);
  });

  it('offers filing, pausing, transfer and close while the case is worked', () => {
    expect(enabled(caseActions(ticket('ACCEPTED'), handler))).toEqual(['assist', 'close', 'fileCase', 'pause', 'transfer']);
    expect(enabled(caseActions(ticket('IN_PROGRESS', null, true), handler))).toEqual(['assist', 'close', 'resume', 'transfer']);
  });

  it('leaves a proposed transfer to the unit head and holds the close', () => {
    expect(enabled(caseActions(ticket('IN_PROGRESS', 'PROPOSED'), handler))).toEqual(['assist', 'pause']);
    expect(enabled(caseActions(ticket('IN_PROGRESS', 'PROPOSED'), head))).toEqual(['approve', 'assist', 'pause', 'refuse']);
  });

  it('gives the police unit the decision and one extension', () => {
    expect(enabled(caseActions(ticket('TRANSFERRED_TO_POLICE', 'WITH_POLICE'), police))).toEqual(['extend', 'policeAccept', 'policeDecline']);
    expect(enabled(caseActions(ticket('TRANSFERRED_TO_POLICE', 'WITH_POLICE'), handler))).toEqual([]);
  });

  it('lets the unit head ask once for reconsideration of a decline', () => {
    expect(enabled(caseActions(ticket('IN_PROGRESS', 'DECLINED'), head))).toContain('reconsider');
    expect(enabled(caseActions(ticket('IN_PROGRESS', 'DECLINED'), handler))).not.toContain('reconsider');
  });
});
