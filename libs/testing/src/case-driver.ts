import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RewardsService } from '@hub/rewards';
import { TicketTransitions } from '@hub/tickets';

export interface CaseClose {
  outcome: 'PENALIZED' | 'NO_CASE' | 'MEDIATED';
  fineFen?: number;
  confiscationFen?: number;
  rewardLevel?: 'L1' | 'L2' | 'L3';
}

/**
 * Walks a dispatched ticket through the unit's lifecycle to CLOSED (accept, file the case,
 * close) and hands the closure to rewards as the case handling's close hook does.
 */
export async function closeCase(app: INestApplication, ticketId: string, close: CaseClose): Promise<void> {
  const transitions = app.get(TicketTransitions);
  const actor = { id: null, name: 'unit' };
  await app.get(DataSource).transaction(async (tx) => {
    await transitions.transition(tx, ticketId, { to: 'ACCEPTED', actor, action: 'ACCEPTED' });
    await transitions.transition(tx, ticketId, { to: 'IN_PROGRESS', actor, action: 'CASE_FILED' });
    const closedAt = new Date();
    await transitions.transition(tx, ticketId, { to: 'CLOSED', actor, action: 'CLOSED', set: { outcome: close.outcome, closed_at: closedAt } });
    if (close.rewardLevel) {
      await app.get(RewardsService).proposeForCase(tx, {
        ticketId,
        rewardLevel: close.rewardLevel,
        outcome: close.outcome,
        fineFen: close.fineFen ?? 0,
        confiscationFen: close.confiscationFen ?? 0,
        closedAt,
        actor,
      });
    }
  });
}
