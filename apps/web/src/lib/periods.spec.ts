import { beijingToday, periodOf, presetPeriod } from './periods';

describe('dashboard periods', () => {
  it('takes today in Beijing, which starts at 16:00 UTC', () => {
    expect(beijingToday(new Date('2026-06-30T15:59:00Z'))).toBe('2026-06-30');
    expect(beijingToday(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
  });

  it('cuts this month, the last 30 days and the half-year as the reports do', () => {
    expect(presetPeriod('month', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetPeriod('last30', '2026-03-15')).toEqual({ from: '2026-02-14', to: '2026-03-15' });
    expect(presetPeriod('half', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(presetPeriod('half', '2026-07-01')).toEqual({ from: '2026-07-01', to: '2026-07-01' });
  });

  it('reads a custom period from the URL and falls back to the last 30 days on nonsense', () => {
    expect(periodOf('custom', '2026-01-01', '2026-01-31', '2026-03-15')).toEqual({ preset: 'custom', period: { from: '2026-01-01', to: '2026-01-31' } });
    expect(periodOf('custom', '2026-02-30', '2026-01-31', '2026-03-15').preset).toBe('last30');
    expect(periodOf('custom', '2026-02-01', '2026-01-31', '2026-03-15').preset).toBe('last30');
    expect(periodOf(null, null, null, '2026-03-15')).toEqual({ preset: 'last30', period: { from: '2026-02-14', to: '2026-03-15' } });
    expect(periodOf('half', null, null, '2026-03-15').period).toEqual({ from: '2026-01-01', to: '2026-03-15' });
  });
});
