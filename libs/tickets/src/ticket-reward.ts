import type { DataSource } from 'typeorm';
import { FINANCE_APPROVAL_FROM_FEN, RewardLevel, RewardState, RewardSummary } from '@hub/contracts';
import { hasRole, Viewer } from '@hub/auth/roles';

/**
 * The reward shown with a ticket (rewards are the rewards lib's; shown with the ticket):
 * to the reward officer, to FINANCE for the rewards it approves, and to the lead unit's staff.
 */
export async function rewardOnTicket(db: DataSource, viewer: Viewer, ticket: { id: string; routing: { leadUnit: string } | null }): Promise<RewardSummary | null> {
  const leadUnitStaff = hasRole(viewer, 'HANDLER', 'UNIT_HEAD') && viewer.unit !== null && viewer.unit === ticket.routing?.leadUnit;
  if (!leadUnitStaff && !hasRole(viewer, 'REWARD_OFFICER', 'FINANCE')) return null;
  const rows: Array<{ id: string; state: RewardState; level: RewardLevel; amount_fen: string }> = await db.query(
    `SELECT id, state, level, amount_fen FROM rewards WHERE ticket_id = $1 OR closed_ticket_id = $1 ORDER BY ticket_id = $1 DESC LIMIT 1`,
    [ticket.id],
  );
  const reward = rows[0];
  if (!reward) return null;
  const amountFen = Number(reward.amount_fen);
  if (!leadUnitStaff && !hasRole(viewer, 'REWARD_OFFICER') && amountFen < FINANCE_APPROVAL_FROM_FEN) return null;
  return { id: reward.id, state: reward.state, level: reward.level, amountFen };
}
