import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FINANCE_APPROVAL_FROM_FEN, RewardLevel, RewardState, RewardSummary } from '@hub/contracts';
import { hasRole, Viewer } from '@hub/auth/roles';
import { TicketRewardSource, TicketRewards } from '@hub/tickets';

/**
 * The reward shown with a ticket: to the reward officer, to FINANCE for the rewards it approves,
 * and to the lead unit's staff (also on the closed ticket when the reward went to an earlier report merged into it).
 */
@Injectable()
export class TicketRewardFromRewards implements TicketRewardSource, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ticketRewards: TicketRewards,
  ) {}

  onModuleInit(): void {
    this.ticketRewards.use(this);
  }

  async rewardOf(viewer: Viewer, ticketId: string): Promise<RewardSummary | null> {
    const officer = hasRole(viewer, 'REWARD_OFFICER');
    const finance = hasRole(viewer, 'FINANCE');
    const unitStaff = hasRole(viewer, 'HANDLER', 'UNIT_HEAD') && viewer.unit !== null;
    if (!officer && !finance && !unitStaff) return null;
    const rows: Array<{ id: string; state: RewardState; level: RewardLevel; amount_fen: string; lead_unit: string | null }> = await this.db.query(
      `SELECT r.id, r.state, r.level, r.amount_fen, t.lead_unit FROM rewards r JOIN tickets t ON t.id = $1
        WHERE r.ticket_id = $1 OR r.closed_ticket_id = $1 ORDER BY r.ticket_id = $1 DESC LIMIT 1`,
      [ticketId],
    );
    const reward = rows[0];
    if (!reward) return null;
    const amountFen = Number(reward.amount_fen);
    const leadUnit = unitStaff && reward.lead_unit === viewer.unit;
    if (!officer && !leadUnit && !(finance && amountFen >= FINANCE_APPROVAL_FROM_FEN)) return null;
    return { id: reward.id, state: reward.state, level: reward.level, amountFen };
  }
}
