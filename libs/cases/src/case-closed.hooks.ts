import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Kind, Outcome, RewardLevel } from '@hub/contracts';

/** A ticket closed by its unit (or by a police acceptance), as rewards and credit records need it. */
export interface CaseClosedEvent {
  ticketId: string;
  trackingCode: string;
  kind: Kind;
  outcome: Outcome;
  /** the level the unit proposed (close or transfer approval), null when none */
  rewardLevel: RewardLevel | null;
  fineFen: number;
  confiscationFen: number;
  leadUnit: string;
  /** department of the lead unit, e.g. AIC */
  department: string;
  closedAt: Date;
  actor: { id: string | null; name: string };
}

/**
 * Runs inside the closing transaction: a listener's failure rolls the close back, so a
 * close and what follows from it (a PROPOSED reward) commit together or not at all.
 */
export interface CaseClosedListener {
  onCaseClosed(tx: EntityManager, event: CaseClosedEvent): Promise<void>;
}

/** Where features that follow a close (rewards, credit records) register; see CasesModule. */
@Injectable()
export class CaseClosedHooks {
  private readonly listeners: CaseClosedListener[] = [];

  register(listener: CaseClosedListener): void {
    this.listeners.push(listener);
  }

  async emit(tx: EntityManager, event: CaseClosedEvent): Promise<void> {
    for (const listener of this.listeners) await listener.onCaseClosed(tx, event);
  }
}
