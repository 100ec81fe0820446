/** Shapes of the public portal and of the reward screens (contracts.md: "Public portal", rewards, "the tipster's claim"). */

import type { Outcome, RewardLevel, RewardState } from '@hub/contracts';

export { REWARD_LEVELS, REWARD_STATES } from '@hub/contracts';
export type { Outcome, RewardLevel, RewardState };

export type PortalKind = 'COMPLAINT' | 'REPORT';

export interface PublicTipBody {
  kind: PortalKind;
  description: string;
  subject?: { name?: string | null; address?: string | null; uscc?: string | null };
  regionCode?: string;
  productName?: string;
  reporter: { anonymous: true } | { anonymous: false; name: string; phone: string; idNumber?: string };
}

export interface TipReceipt {
  trackingCode: string;
  pin: string;
}

export interface PublicReward {
  state: RewardState;
  stateText?: string;
  amountFen: number;
  claimBy: string | null;
  claimedAt?: string | null;
  paidAt?: string | null;
}

export interface PublicStatus {
  trackingCode: string;
  status: string;
  statusText: string;
  updatedAt: string;
  reward: PublicReward | null;
}

export interface PayoutAccount {
  name: string;
  idNumber: string;
  bankName: string;
  accountNumber: string;
}

export const EXCLUSIONS = ['HANDLING_STAFF', 'VIOLATOR', 'DUTY_TO_REPORT', 'NOT_NATURAL_PERSON'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export interface Approval {
  by: string;
  at: string;
}

export interface Reward {
  id: string;
  ticketId: string;
  trackingCode: string;
  state: RewardState;
  level: RewardLevel;
  amountFen: number;
  /** Fines plus confiscations the amount is a share of. */
  baseFen: number;
  department: string;
  budgetYear: number | null;
  proposedAt: string;
  caseClosedAt: string | null;
  noticeBy: string | null;
  noticeOverdue: boolean;
  notifiedAt: string | null;
  claimBy: string | null;
  claimedAt: string | null;
  paidAt: string | null;
  voucherNumber: string | null;
  needsFinance: boolean;
  officerApproval: Approval | null;
  financeApproval: Approval | null;
  rejectReason: string | null;
  exclusion: Exclusion | null;
  payeeClaimed: boolean;
  version: number;
}

export interface RewardDetail extends Reward {
  ledger: LedgerEntry[];
}

export interface PayeeReveal {
  reporter: { anonymous: boolean; name?: string | null; phone?: string | null; idNumber?: string | null } | null;
  payout: PayoutAccount | null;
}

export interface BudgetLine {
  department: string;
  year: number;
  grantedFen: number;
  committedFen: number;
  paidFen: number;
  availableFen: number;
}

export const LEDGER_KINDS = ['GRANT', 'COMMITMENT', 'PAYOUT', 'REVERSAL', 'EXPIRY_RELEASE'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerEntry {
  id: string;
  at: string;
  department: string;
  year: number;
  kind: LedgerKind;
  amountFen: number;
  rewardId: string | null;
  trackingCode: string | null;
  actor: string | null;
  note: string | null;
}

export interface ReconciliationLine extends BudgetLine {
  rewardsCommittedFen: number;
  rewardsPaidFen: number;
  ok: boolean;
}

export interface Reconciliation {
  ok: boolean;
  checkedAt: string;
  items: ReconciliationLine[];
  problems: Array<{ rewardId: string | null; department: string; year: number; message: string }>;
}
