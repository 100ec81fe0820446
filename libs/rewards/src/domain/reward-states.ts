export const REWARD_STATES = ['PROPOSED', 'APPROVED', 'NOTIFIED', 'CLAIMED', 'PAID', 'REJECTED', 'EXPIRED'] as const;
export type RewardState = (typeof REWARD_STATES)[number];

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

/** Why a reward officer may refuse a tipster (the national rules' exclusions). */
export const REWARD_EXCLUSIONS = ['HANDLING_STAFF', 'VIOLATOR', 'DUTY_TO_REPORT', 'NOT_NATURAL_PERSON'] as const;
export type RewardExclusion = (typeof REWARD_EXCLUSIONS)[number];

/** Working-day clocks of a reward (workflows.md deadlines table). */
export const REWARD_CLOCKS = {
  /** tell the tipster within 15 working days of the case's close */
  noticeWorkingDays: 15,
  /** the tipster claims within 30 working days of the notice, else EXPIRED */
  claimWorkingDays: 30,
} as const;
