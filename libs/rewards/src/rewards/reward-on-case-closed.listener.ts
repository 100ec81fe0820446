import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseClosedEvent, CaseClosedHooks, CaseClosedListener } from '@hub/cases/case-closed.hooks';
import { RewardsService } from './rewards.service';

/** A case closed (or accepted by the police) with a reward level proposes the reward, in the closing transaction. */
@Injectable()
export class RewardOnCaseClosed implements CaseClosedListener, OnModuleInit {
  constructor(
    private readonly hooks: CaseClosedHooks,
    private readonly rewards: RewardsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onCaseClosed(tx: EntityManager, event: CaseClosedEvent): Promise<void> {
    if (!event.rewardLevel) return;
    await this.rewards.proposeForCase(tx, {
      ticketId: event.ticketId,
      rewardLevel: event.rewardLevel,
      outcome: event.outcome,
      fineFen: event.fineFen,
      confiscationFen: event.confiscationFen,
      closedAt: event.closedAt,
      actor: event.actor,
    });
  }
}
