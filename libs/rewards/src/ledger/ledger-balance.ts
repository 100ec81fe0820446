import type { LedgerKind } from '@hub/contracts';

export { LEDGER_KINDS } from '@hub/contracts';
export type { LedgerKind } from '@hub/contracts';

/** Sums of one department-year's ledger entries by kind, in fen (amounts are positive; the kind gives the direction). */
export type LedgerSums = Record<LedgerKind, bigint>;

export interface BudgetBalance {
  grantedFen: number;
  /** commitments not yet paid, reversed or released */
  committedFen: number;
  paidFen: number;
  availableFen: number;
}

export const emptySums = (): LedgerSums => ({ GRANT: 0n, COMMITMENT: 0n, PAYOUT: 0n, REVERSAL: 0n, EXPIRY_RELEASE: 0n });

/** A budget as the ledger says it is: nothing stored, everything derived. */
export function balanceOf(sums: LedgerSums): BudgetBalance {
  const committed = sums.COMMITMENT - sums.PAYOUT - sums.REVERSAL - sums.EXPIRY_RELEASE;
  const available = sums.GRANT - committed - sums.PAYOUT;
  return { grantedFen: Number(sums.GRANT), committedFen: Number(committed), paidFen: Number(sums.PAYOUT), availableFen: Number(available) };
}

/** The entries one reward leaves, by kind, for reconciling it against its state. */
export interface RewardLedgerFacts {
  state: string;
  amountFen: bigint;
  sums: LedgerSums;
}

/**
 * What the ledger must hold for a reward in its state: committed once when approved,
 * and closed once by a payout, reversal or expiry release of the same amount.
 */
export function rewardLedgerProblems(facts: RewardLedgerFacts): string[] {
  const { state, amountFen: amount, sums } = facts;
  const closing = sums.PAYOUT + sums.REVERSAL + sums.EXPIRY_RELEASE;
  const expect = (condition: boolean, message: string) => (condition ? [] : [message]);
  switch (state) {
    case 'PROPOSED':
      return expect(sums.COMMITMENT === 0n && closing === 0n, 'a proposed reward has ledger entries');
    case 'APPROVED':
    case 'NOTIFIED':
    case 'CLAIMED':
      return expect(sums.COMMITMENT === amount && closing === 0n, `an open reward must have one commitment of ${amount} fen and nothing closing it`);
    case 'PAID':
      return expect(sums.COMMITMENT === amount && sums.PAYOUT === amount && sums.REVERSAL + sums.EXPIRY_RELEASE === 0n, `a paid reward must have a commitment and a payout of ${amount} fen`);
    case 'EXPIRED':
      return expect(sums.COMMITMENT === amount && sums.EXPIRY_RELEASE === amount && sums.PAYOUT + sums.REVERSAL === 0n, `an expired reward must release its commitment of ${amount} fen`);
    case 'REJECTED':
      return expect(sums.COMMITMENT === sums.REVERSAL && sums.PAYOUT + sums.EXPIRY_RELEASE === 0n, 'a rejected reward must have any commitment reversed');
    default:
      return [`unknown reward state ${state}`];
  }
}
