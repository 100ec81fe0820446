import { WorkingDayCalendar } from '@hub/calendar/working-days';
import { CLOCK_SPECS, dueOf, levelAt, warnAtOf, worstLevel } from './clock-rules';

describe('clock rules', () => {
  const calendar = new WorkingDayCalendar();

  it('gives a complaint 45 working days from acceptance, across Mid-autumn, the National Day week and their make-up days', () => {
    // accepted Mon 2026-09-14: 09-15..18 (4), Sun 09-20 make-up (5), 09-21..24 (9), 09-25..27 Mid-autumn off, 09-28..30 (12),
    // 10-01..07 National Day off, 10-08, 10-09 (14), Sat 10-10 make-up (15), then five full weeks to 11-13 (40), 11-16..20 (45)
    const due = dueOf(CLOCK_SPECS.resolveComplaint, new Date('2026-09-14T02:00:00Z'), 0, calendar);
    expect(due).toEqual({ at: new Date('2026-11-20T15:59:59.999Z'), provisional: false });
  });

  it('gives a filed report 90 calendar days, holidays included', () => {
    expect(dueOf(CLOCK_SPECS.resolveReport, new Date('2026-01-20T03:00:00Z'), 0, calendar).at).toEqual(new Date('2026-04-20T15:59:59.999Z'));
  });

  it('counts the hand-over to the police in hours', () => {
    expect(dueOf(CLOCK_SPECS.handOver, new Date('2026-03-02T03:15:00Z'), 0, calendar).at).toEqual(new Date('2026-03-03T03:15:00Z'));
  });

  it('moves a working-day clock by the working days paused', () => {
    const start = new Date('2026-03-16T02:00:00Z');
    expect(dueOf(CLOCK_SPECS.acceptComplaint, start, 2, calendar).at).toEqual(new Date('2026-03-27T15:59:59.999Z'));
  });

  it('turns yellow at 80 % and red past the end', () => {
    const start = new Date('2026-03-01T00:00:00Z');
    const due = new Date('2026-03-11T00:00:00Z');
    const warn = warnAtOf(start, due);
    expect(warn).toEqual(new Date('2026-03-09T00:00:00Z'));
    expect(levelAt(new Date('2026-03-08T23:59:59Z'), warn, due)).toBe('ok');
    expect(levelAt(warn, warn, due)).toBe('warning');
    expect(levelAt(new Date('2026-03-11T00:00:01Z'), warn, due)).toBe('overdue');
    expect(worstLevel(['ok', 'overdue', 'warning'])).toBe('overdue');
  });
});
