import { FINANCE_APPROVAL_FROM_FEN, RewardLevel } from '@hub/contracts';

export { FINANCE_APPROVAL_FROM_FEN, REWARD_LEVELS } from '@hub/contracts';
export type { RewardLevel } from '@hub/contracts';

const FEN_PER_YUAN = 100n;

/** Share of fines and confiscations, in percent, and the floor in yuan (国市监稽规〔2021〕4号, province defaults). */
export const REWARD_SCALE: Record<RewardLevel, { percent: bigint; floorYuan: bigint }> = {
  L1: { percent: 5n, floorYuan: 5_000n },
  L2: { percent: 3n, floorYuan: 3_000n },
  L3: { percent: 1n, floorYuan: 1_000n },
};

/** At most ¥1,000,000 per case. */
export const REWARD_CAP_FEN = 1_000_000n * FEN_PER_YUAN;

/**
 * The reward for a tip, in fen: the level's share of fines plus confiscations,
 * rounded half up to the fen, at least the level's floor (also with no fine), at most the cap.
 */
export function rewardAmountFen(level: RewardLevel, fineFen: number, confiscationFen: number): number {
  const scale = REWARD_SCALE[level];
  if (!scale) throw new RangeError(`unknown reward level ${String(level)}`);
  const base = wholeFen(fineFen, 'fineFen') + wholeFen(confiscationFen, 'confiscationFen');
  const share = (base * scale.percent + 50n) / 100n;
  const floor = scale.floorYuan * FEN_PER_YUAN;
  const amount = share < floor ? floor : share > REWARD_CAP_FEN ? REWARD_CAP_FEN : share;
  return Number(amount);
}

export const needsFinanceApproval = (amountFen: number) => amountFen >= FINANCE_APPROVAL_FROM_FEN;

function wholeFen(value: number, name: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole, non-negative number of fen`);
  return BigInt(value);
}
