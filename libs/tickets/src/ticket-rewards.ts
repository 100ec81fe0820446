import { Injectable } from '@nestjs/common';
import type { RewardSummary } from '@hub/contracts';
import type { Viewer } from '@hub/auth/roles';

/** Fills a ticket's `reward` for the viewer (contracts.md: roles that see rewards and the lead unit); rewards registers one. */
export interface TicketRewardSource {
  rewardOf(viewer: Viewer, ticketId: string): Promise<RewardSummary | null>;
}

/** Where the rewards feature plugs in its TicketRewardSource; without one every ticket's reward is null. */
@Injectable()
export class TicketRewards {
  private source: TicketRewardSource | null = null;

  use(source: TicketRewardSource): void {
    this.source = source;
  }

  of(viewer: Viewer, ticketId: string): Promise<RewardSummary | null> {
    return this.source ? this.source.rewardOf(viewer, ticketId) : Promise.resolve(null);
  }
}
