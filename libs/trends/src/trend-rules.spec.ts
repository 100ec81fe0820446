import { expectedCount, judgeTrend, nextAlertState, poissonUpperTail } from './trend-rules';

describe('trend rules', () => {
  it('computes the Poisson upper tail exactly for small and large counts', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    // P(X ≥ 3 | 1) = 1 − e⁻¹(1 + 1 + 1/2)
    expect(poissonUpperTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * 2.5, 12);
    // far in the tail there is no 1 − CDF cancellation: P(X ≥ 40 | 2) ≈ e⁻² 2⁴⁰ / 40!
    const exact = Math.exp(-2 + 40 * Math.log(2) - logFactorial(40));
    expect(poissonUpperTail(40, 2) / exact).toBeCloseTo(1.05, 2);
    expect(poissonUpperTail(40, 2)).toBeGreaterThan(0);
    expect(poissonUpperTail(5, 0)).toBe(0);
  });

  it('expects a never-seen key at the prior rate, and a busy key at its own', () => {
    expect(expectedCount(0)).toBeCloseTo(0.5 / 35, 10);
    expect(expectedCount(280)).toBeCloseTo(280.5 / 35, 10);
  });

  it('alerts on a never-seen subject with 3 tickets from 2 hotlines in a day', () => {
    const verdict = judgeTrend({ kind: 'SUBJECT', observed: 3, hotlines: 2, baseline: 0 });
    expect(verdict.alert).toBe(true);
    expect(verdict.pValue).toBeLessThan(1e-5);
    expect(verdict.score).toBeGreaterThan(5);
  });

  it('does not alert below the minimum count, on one hotline for a subject, or on a usual day', () => {
    expect(judgeTrend({ kind: 'SUBJECT', observed: 2, hotlines: 2, baseline: 0 }).alert).toBe(false);
    expect(judgeTrend({ kind: 'SUBJECT', observed: 3, hotlines: 1, baseline: 0 }).alert).toBe(false);
    expect(judgeTrend({ kind: 'REGION', observed: 3, hotlines: 1, baseline: 0 }).alert).toBe(true);
    // one ticket a day for 28 days, then 3 in a day: p ≈ 0.08
    expect(judgeTrend({ kind: 'SUBJECT', observed: 3, hotlines: 3, baseline: 28 }).alert).toBe(false);
    // one a day, then 8: well above
    expect(judgeTrend({ kind: 'SUBJECT', observed: 8, hotlines: 3, baseline: 28 }).alert).toBe(true);
  });

  it('needs a doubling on a busy key, not only a small p-value', () => {
    // 100 a day: 140 has p < 0.001 but is not twice the usual
    const busy = judgeTrend({ kind: 'REGION', observed: 140, hotlines: 5, baseline: 2800 });
    expect(busy.pValue).toBeLessThan(0.001);
    expect(busy.alert).toBe(false);
    expect(judgeTrend({ kind: 'REGION', observed: 210, hotlines: 5, baseline: 2800 }).alert).toBe(true);
  });

  it('pushes an open alert again only when it grows, and reopens an acknowledged one at half as much again', () => {
    const open = { status: 'OPEN' as const, observed: 6, acknowledgedObserved: null, hotlines: ['12315', '12365'] };
    expect(nextAlertState(open, { observed: 6, hotlines: ['12315', '12365'] })).toBe('refreshed');
    expect(nextAlertState(open, { observed: 7, hotlines: ['12315', '12365'] })).toBe('grown');
    expect(nextAlertState(open, { observed: 6, hotlines: ['12315', '12330'] })).toBe('grown');
    const acknowledged = { status: 'ACKNOWLEDGED' as const, observed: 6, acknowledgedObserved: 6, hotlines: ['12315'] };
    expect(nextAlertState(acknowledged, { observed: 8, hotlines: ['12315', '12330'] })).toBe('refreshed');
    expect(nextAlertState(acknowledged, { observed: 9, hotlines: ['12315'] })).toBe('reopened');
  });
});

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i++) sum += Math.log(i);
  return sum;
}
