import { assessmentCsv, CSV_COLUMNS } from './assessmentCsv';

describe('assessment CSV', () => {
  it('writes one line per unit with rates in percent, a BOM and formula-safe names', () => {
    const csv = assessmentCsv(
      [{ unit: 'AIC@220100', rank: 1, score: 92.5, scored: true, dispatched: 3, accepted: 3, acceptedOnTime: 3, acceptMissed: 0, acceptOnTimeRate: 1, closed: 2, closedOnTime: 2, closeMissed: 0, closeOnTimeRate: 1, returned: 0, returnRate: 0, reopened: 1, reopenRate: 0.5, satisfaction: null }],
      [...CSV_COLUMNS],
      () => '=长春市,工商局',
    );
    const [head, line] = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(head.split(',')).toHaveLength(18);
    expect(line).toBe(`1,"'=长春市,工商局",AIC@220100,92.5,3,3,3,0,100,2,2,0,100,0,0,1,50,`);
  });
});
