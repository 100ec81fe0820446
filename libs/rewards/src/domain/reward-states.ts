import type { RewardState } from '@hub/contracts';

export { REWARD_STATES } from '@hub/contracts';
export type { RewardState } from '@hub/contracts';

/** Where each reward state may go (workflows.md "Rewards for tips"). */
const TRANSITIONS: Record<RewardState, readonly RewardState[]> = {
  PROPOSED: ['APPROVED', 'REJECTED'],
  APPROVED: ['NOTIFIED', 'REJECTED'],
  NOTIFIED: ['CLAIMED', 'EXPIRED', 'REJECTED'],
  CLAIMED: ['PAID', 'REJECTED'],
  PAID: [],
  REJECTED: [],
  EXPIRED: [],
};

export const canMoveReward = (from: RewardState, to: RewardState) => TRANSITIONS[from].includes(to);

/** States in which the reward's amount is committed against its department's budget. */
export const COMMITTED_STATES: readonly RewardState[] = ['APPROVED', 'NOTIFIED', 'CLAIMED'];

export { REWARD_EXCLUSIONS } from '@hub/contracts';
export type { RewardExclusion } from '@hub/contracts';

/** Working-day clocks of a reward (workflows.md deadlines table). */
export const REWARD_CLOCKS = {
  /** tell the tipster within 15 working days of the case's close */
  noticeWorkingDays: 15,
  /** the tipster claims within 30 working days of the notice, else EXPIRED */
  claimWorkingDays: 30,
} as const;
