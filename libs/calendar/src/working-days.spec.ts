import { computeDispatchBy, WorkingDayCalendar } from './working-days';

describe('working-day calendar', () => {
  const calendar = new WorkingDayCalendar();

  it('skips the National Day holiday and counts the make-up Saturday', () => {
    expect(calendar.isWorkday('2026-10-01')).toBe(false);
    expect(calendar.isWorkday('2026-10-10')).toBe(true);
    expect(calendar.isWorkday('2026-10-11')).toBe(false);
  });

  it('ends a deadline at the end of the Beijing day', () => {
    // Friday 2026-03-13 10:00 Beijing → next working day Monday 03-16
    const r = calendar.addWorkingDays(new Date('2026-03-13T02:00:00Z'), 1);
    expect(r.at.toISOString()).toBe('2026-03-16T15:59:59.999Z');
    expect(r.provisional).toBe(false);
  });

  it('starts counting from the Beijing date of receipt, not the UTC date', () => {
    // 2026-03-15 01:00 Beijing is still 03-14 in UTC; receipt day is Sunday 03-15 → Monday 03-16
    expect(computeDispatchBy(new Date('2026-03-14T17:00:00Z')).at.toISOString()).toBe('2026-03-16T15:59:59.999Z');
  });

  it('jumps a holiday week', () => {
    // received 2026-09-30 (Wed) → 10-01..10-07 off → 10-08 is next working day
    expect(calendar.addWorkingDays(new Date('2026-09-30T04:00:00Z'), 1).at.toISOString()).toBe('2026-10-08T15:59:59.999Z');
  });

  it('marks a deadline in a year without holiday data provisional', () => {
    const r = calendar.addWorkingDays(new Date('2026-12-31T04:00:00Z'), 1);
    expect(r.provisional).toBe(true);
  });

  it('uses admin-entered days once the year is published', () => {
    const withNextYear = new WorkingDayCalendar([{ date: '2027-01-01', work: false }], [2027]);
    const r = withNextYear.addWorkingDays(new Date('2026-12-31T04:00:00Z'), 1);
    expect(r.at.toISOString()).toBe('2027-01-04T15:59:59.999Z');
    expect(r.provisional).toBe(false);
  });
});
