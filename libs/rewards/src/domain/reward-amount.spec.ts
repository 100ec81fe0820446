import { needsFinanceApproval, rewardAmountFen } from './reward-amount';

const yuan = (n: number) => n * 100;

describe('rewardAmountFen', () => {
  it.each([
    // level, fines, confiscations, expected — each level's share above its floor
    ['L1', yuan(200_000), 0, yuan(10_000)],
    ['L2', yuan(200_000), 0, yuan(6_000)],
    ['L3', yuan(200_000), 0, yuan(2_000)],
    // fines and confiscations add up
    ['L1', yuan(150_000), yuan(50_000), yuan(10_000)],
    ['L3', yuan(123_456), yuan(76_544), yuan(2_000)],
  ] as const)('%s of %i + %i fen is %i fen', (level, fine, confiscation, expected) => {
    expect(rewardAmountFen(level, fine, confiscation)).toBe(expected);
  });

  it.each([
    ['L1', 0, yuan(5_000)],
    ['L2', 0, yuan(3_000)],
    ['L3', 0, yuan(1_000)],
    ['L1', yuan(99_999), yuan(5_000)], // 5% = 4,999.95 is under the floor
    ['L2', yuan(100_000), yuan(3_000)], // 3% = 3,000.00 is the floor exactly
    ['L3', yuan(50_000), yuan(1_000)],
  ] as const)('floors: %s with %i fen of fines is %i fen (also with no fine)', (level, fine, expected) => {
    expect(rewardAmountFen(level, fine, 0)).toBe(expected);
  });

  it('just above the floor is the share, not the floor', () => {
    expect(rewardAmountFen('L1', yuan(100_002), 0)).toBe(500_010);
  });

  it.each([
    // half a fen rounds up, less than half rounds down
    ['L1', 100_000_010, 5_000_001], // 5% = 5,000,000.5 → 5,000,001
    ['L1', 100_000_009, 5_000_000], // 5,000,000.45 → 5,000,000
    ['L3', 100_000_050, 1_000_001], // 1% = 1,000,000.5 → 1,000,001
    ['L3', 100_000_049, 1_000_000], // 1,000,000.49 → 1,000,000
    ['L2', 100_000_017, 3_000_001], // 3% = 3,000,000.51 → 3,000,001
  ] as const)('rounds half up: %s of %i fen is %i fen', (level, fine, expected) => {
    expect(rewardAmountFen(level, fine, 0)).toBe(expected);
  });

  it.each([
    ['L1', yuan(20_000_000), yuan(1_000_000)], // 5% = ¥1,000,000 exactly
    ['L1', yuan(20_000_002), yuan(1_000_000)],
    ['L2', yuan(900_000_000), yuan(1_000_000)],
    ['L3', yuan(99_999_900), yuan(999_999)],
  ] as const)('caps at ¥1,000,000: %s of %i fen is %i fen', (level, fine, expected) => {
    expect(rewardAmountFen(level, fine, 0)).toBe(expected);
  });

  it('refuses negative, fractional and unknown inputs', () => {
    expect(() => rewardAmountFen('L1', -1, 0)).toThrow(RangeError);
    expect(() => rewardAmountFen('L1', 0, 1.5)).toThrow(RangeError);
    expect(() => rewardAmountFen('L4' as never, 0, 0)).toThrow(RangeError);
  });

  it('needs FINANCE from ¥500,000', () => {
    expect(needsFinanceApproval(49_999_999)).toBe(false);
    expect(needsFinanceApproval(50_000_000)).toBe(true);
  });
});
