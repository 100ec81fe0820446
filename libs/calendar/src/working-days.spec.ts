import { addCalendarDays, calendarDaysBetween, computeDispatchBy, WorkingDayCalendar } from './working-days';

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

describe('pauses and calendar-day clocks', () => {
  const calendar = new WorkingDayCalendar();

  it('counts the working days a pause lasted, make-up days in, holidays out', () => {
    // paused Fri 2026-02-13, resumed Wed 2026-02-25: Sat 02-14 (make-up), 02-24, 02-25
    expect(calendar.workingDaysBetween(new Date('2026-02-13T02:00:00Z'), new Date('2026-02-25T02:00:00Z'))).toBe(3);
    expect(calendar.workingDaysBetween(new Date('2026-03-16T01:00:00Z'), new Date('2026-03-16T09:00:00Z'))).toBe(0);
  });

  it('ends a calendar-day clock at the end of the Beijing day', () => {
    // 2026-03-16 23:30 Beijing is still 03-16 there
    expect(addCalendarDays(new Date('2026-03-16T15:30:00Z'), 3)).toEqual(new Date('2026-03-19T15:59:59.999Z'));
    expect(calendarDaysBetween(new Date('2026-03-16T15:30:00Z'), new Date('2026-03-16T16:30:00Z'))).toBe(1);
  });
});
