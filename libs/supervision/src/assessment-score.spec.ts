import { assessmentScore, rankUnits, rate, ratesOf, UnitFigures } from './assessment-score';

const unit = (over: Partial<UnitFigures>): UnitFigures => ({
  unit: 'AIC@220100',
  dispatched: 0,
  accepted: 0,
  acceptedOnTime: 0,
  acceptMissed: 0,
  closed: 0,
  closedOnTime: 0,
  closeMissed: 0,
  returned: 0,
  reopened: 0,
  satisfaction: null,
  ...over,
});

describe('unit assessment score', () => {
  it('gives 100 to a unit that did everything on time with no returns or reopens', () => {
    const f = unit({ dispatched: 10, accepted: 10, acceptedOnTime: 10, closed: 8, closedOnTime: 8 });
    expect(assessmentScore(ratesOf(f))).toBe(100);
  });

  it('weighs on-time acceptance 30, closure 40, returns 15 and reopens 15', () => {
    // acceptance 1/2, closure 1/4, returns 2/10, reopens 1/4
    const f = unit({ dispatched: 10, accepted: 1, acceptedOnTime: 1, acceptMissed: 1, closed: 4, closedOnTime: 1, returned: 2, reopened: 1 });
    const r = ratesOf(f);
    expect(r).toEqual({ acceptOnTimeRate: 0.5, closeOnTimeRate: 0.25, returnRate: 0.2, reopenRate: 0.25, satisfaction: null });
    expect(assessmentScore(r)).toBe(Math.round(((0.5 * 30 + 0.25 * 40 + 0.8 * 15 + 0.75 * 15) / 100) * 1000) / 10);
  });

  it('leaves out what had nothing behind it and scales the other weights up', () => {
    // nothing closed: closure and reopens are null; acceptance 1/2 (30), returns 0/4 (15)
    const r = ratesOf(unit({ dispatched: 4, accepted: 1, acceptedOnTime: 1, acceptMissed: 1 }));
    expect(r.closeOnTimeRate).toBeNull();
    expect(r.reopenRate).toBeNull();
    expect(assessmentScore(r)).toBe(Math.round(((0.5 * 30 + 1 * 15) / 45) * 1000) / 10);
  });

  it('counts satisfaction only where it was collected', () => {
    const base = unit({ dispatched: 2, accepted: 2, acceptedOnTime: 2, closed: 2, closedOnTime: 2 });
    expect(assessmentScore(ratesOf({ ...base, satisfaction: 0.5 }))).toBe(Math.round(((100 + 0.5 * 20) / 120) * 1000) / 10);
    expect(assessmentScore(ratesOf(base))).toBe(100);
  });

  it('scores 0 where nothing can be measured and clamps rates to 0–1', () => {
    expect(assessmentScore(ratesOf(unit({})))).toBe(0);
    expect(rate(3, 2)).toBe(1);
    expect(rate(1, 0)).toBeNull();
  });

  it('does not score a unit with nothing due yet, however few it returned, and ranks it last', () => {
    const rows = rankUnits([
      unit({ unit: 'AIC@220800', dispatched: 5 }),
      unit({ unit: 'QTS@220300', dispatched: 4, accepted: 2, acceptedOnTime: 1, acceptMissed: 1, returned: 1 }),
    ]);
    expect(rows.map((r) => [r.unit, r.rank, r.scored, r.score])).toEqual([
      ['QTS@220300', 1, true, Math.round((((1 / 3) * 30 + 0.75 * 15) / 45) * 1000) / 10],
      ['AIC@220800', 2, false, 0],
    ]);
  });

  it('ranks best first, equal scores sharing a rank', () => {
    const rows = rankUnits([
      unit({ unit: 'QTS@220300', dispatched: 2, accepted: 2, acceptedOnTime: 1 }),
      unit({ unit: 'AIC@220100', dispatched: 5, accepted: 5, acceptedOnTime: 5 }),
      unit({ unit: 'AIC@220200', dispatched: 3, accepted: 3, acceptedOnTime: 3 }),
    ]);
    expect(rows.map((r) => [r.unit, r.rank, r.score])).toEqual([
      ['AIC@220100', 1, 100],
      ['AIC@220200', 1, 100],
      ['QTS@220300', 3, 66.7],
    ]);
  });
});
