/** Shapes of the public portal and of the reward screens: the server's, from @hub/contracts; only request bodies are the console's own. */

import type {
  BudgetView,
  LedgerEntryView,
  Outcome,
  PayeeView,
  ReconciliationView,
  RewardDetail,
  RewardExclusion,
  RewardLevel,
  RewardState,
  RewardView,
  TipReceipt,
  TipStatus,
} from '@hub/contracts';

export { LEDGER_KINDS, REWARD_EXCLUSIONS as EXCLUSIONS, REWARD_LEVELS, REWARD_STATES } from '@hub/contracts';
export type { LedgerKind } from '@hub/contracts';
export type { Outcome, RewardDetail, RewardLevel, RewardState, TipReceipt };

export type Reward = RewardView;
export type Approval = NonNullable<RewardView['officerApproval']>;
export type Exclusion = RewardExclusion;
export type LedgerEntry = LedgerEntryView;
export type BudgetLine = BudgetView;
export type Reconciliation = ReconciliationView;
export type ReconciliationLine = ReconciliationView['items'][number];
export type PayeeReveal = PayeeView;
export type PublicStatus = TipStatus;
export type PublicReward = NonNullable<TipStatus['reward']>;

export type PortalKind = 'COMPLAINT' | 'REPORT';

export interface PublicTipBody {
  kind: PortalKind;
  description: string;
  subject?: { name?: string | null; address?: string | null; uscc?: string | null };
  regionCode?: string;
  productName?: string;
  reporter: { anonymous: true } | { anonymous: false; name: string; phone: string; idNumber?: string };
}

export interface PayoutAccount {
  name: string;
  idNumber: string;
  bankName: string;
  accountNumber: string;
}
