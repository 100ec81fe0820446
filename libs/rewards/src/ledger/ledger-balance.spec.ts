import { balanceOf, emptySums, LedgerSums, rewardLedgerProblems } from './ledger-balance';

const sums = (partial: Partial<Record<keyof LedgerSums, number>>): LedgerSums => {
  const s = emptySums();
  for (const [k, v] of Object.entries(partial)) s[k as keyof LedgerSums] = BigInt(v);
  return s;
};

describe('balanceOf', () => {
  it('derives committed, paid and available from the entries', () => {
    const balance = balanceOf(sums({ GRANT: 1_000_000, COMMITMENT: 700_000, PAYOUT: 200_000, REVERSAL: 100_000, EXPIRY_RELEASE: 50_000 }));
    expect(balance).toEqual({ grantedFen: 1_000_000, committedFen: 350_000, paidFen: 200_000, availableFen: 450_000 });
  });

  it('is the grant when nothing is committed', () => {
    expect(balanceOf(sums({ GRANT: 500 }))).toEqual({ grantedFen: 500, committedFen: 0, paidFen: 0, availableFen: 500 });
  });
});

describe('rewardLedgerProblems', () => {
  it('accepts each state with the entries it should have', () => {
    expect(rewardLedgerProblems({ state: 'PROPOSED', amountFen: 100n, sums: sums({}) })).toEqual([]);
    expect(rewardLedgerProblems({ state: 'NOTIFIED', amountFen: 100n, sums: sums({ COMMITMENT: 100 }) })).toEqual([]);
    expect(rewardLedgerProblems({ state: 'PAID', amountFen: 100n, sums: sums({ COMMITMENT: 100, PAYOUT: 100 }) })).toEqual([]);
    expect(rewardLedgerProblems({ state: 'EXPIRED', amountFen: 100n, sums: sums({ COMMITMENT: 100, EXPIRY_RELEASE: 100 }) })).toEqual([]);
    expect(rewardLedgerProblems({ state: 'REJECTED', amountFen: 100n, sums: sums({ COMMITMENT: 100, REVERSAL: 100 }) })).toEqual([]);
    expect(rewardLedgerProblems({ state: 'REJECTED', amountFen: 100n, sums: sums({}) })).toEqual([]);
  });

  it('names a reward whose entries do not match its state', () => {
    expect(rewardLedgerProblems({ state: 'CLAIMED', amountFen: 100n, sums: sums({}) })).toHaveLength(1);
    expect(rewardLedgerProblems({ state: 'PAID', amountFen: 100n, sums: sums({ COMMITMENT: 100, PAYOUT: 90 }) })).toHaveLength(1);
    expect(rewardLedgerProblems({ state: 'PROPOSED', amountFen: 100n, sums: sums({ COMMITMENT: 100 }) })).toHaveLength(1);
  });
});
