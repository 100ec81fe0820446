import { addDays, beijingDay, beijingDayStart, dayRuns, daysOf, periodProblem } from './period';

describe('Beijing days', () => {
  it('puts a moment on the day it is in Beijing, not in UTC', () => {
    expect(beijingDay(new Date('2026-06-30T15:59:59.999Z'))).toBe('2026-06-30');
    expect(beijingDay(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
    expect(beijingDay(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('starts a Beijing day at 16:00 UTC the day before', () => {
    expect(beijingDayStart('2026-07-01').toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(beijingDay(beijingDayStart('2026-03-01'))).toBe('2026-03-01');
    expect(beijingDay(new Date(beijingDayStart('2026-03-01').getTime() - 1))).toBe('2026-02-28');
  });

  it('lists the days of a period, both ends included, across months and leap days', () => {
    expect(daysOf('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysOf('2026-01-01', '2026-06-30')).toHaveLength(181);
    expect(daysOf('2026-07-01', '2026-12-31')).toHaveLength(184);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('refuses malformed, reversed and overlong periods', () => {
    expect(periodProblem('2026-01-01', '2026-06-30')).toBeNull();
    expect(periodProblem('2026-02-30', '2026-03-01')).toMatch(/from/);
    expect(periodProblem('2026-1-1', '2026-03-01')).toMatch(/from/);
    expect(periodProblem('2026-03-02', '2026-03-01')).toMatch(/after/);
    expect(periodProblem('2024-01-01', '2026-03-01')).toMatch(/at most/);
  });

  it('groups touched days into runs of consecutive days of bounded length', () => {
    expect(dayRuns(['2026-03-03', '2026-03-01', '2026-03-02', '2026-03-09', '2026-03-02'])).toEqual([
      { from: '2026-03-01', to: '2026-03-03' },
      { from: '2026-03-09', to: '2026-03-09' },
    ]);
    expect(dayRuns(daysOf('2026-01-01', '2026-03-01'), 31)).toEqual([
      { from: '2026-01-01', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-03-01' },
    ]);
  });
});
