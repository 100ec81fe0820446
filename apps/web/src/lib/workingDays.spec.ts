import { isWorkday, workingDaysLeft } from './workingDays';

const endOf = (date: string) => `${date}T15:59:59.999Z`;
const beijing = (dateTime: string) => Date.parse(`${dateTime}+08:00`);

describe('working days left, as the deadline tag says them', () => {
  it('skips the 2026 Spring Festival and counts its make-up Saturday', () => {
    expect(isWorkday('2026-02-14')).toBe(true);
    expect(isWorkday('2026-02-16')).toBe(false);
    // Fri 13 Feb: Sat 14 (make-up) is one, 15–23 are the holiday, Tue 24 is two
    expect(workingDaysLeft(endOf('2026-02-24'), beijing('2026-02-13T10:00:00'))).toBe(2);
  });

  it('skips National Day 2026 and counts Saturday 10 October', () => {
    // Wed 30 Sep: 1–7 Oct holiday, Thu 8 one, Fri 9 two, Sat 10 (make-up) three
    expect(workingDaysLeft(endOf('2026-10-10'), beijing('2026-09-30T09:00:00'))).toBe(3);
  });

  it('is 0 on the last day and negative once past, at least one day', () => {
    expect(workingDaysLeft(endOf('2026-03-18'), beijing('2026-03-18T09:00:00'))).toBe(0);
    expect(workingDaysLeft(endOf('2026-03-18'), beijing('2026-03-19T09:00:00'))).toBe(-1);
    // ended on Friday, read on Saturday: no working day has passed, still overdue
    expect(workingDaysLeft(endOf('2026-03-20'), beijing('2026-03-21T09:00:00'))).toBe(-1);
    expect(workingDaysLeft(endOf('2026-03-20'), beijing('2026-03-25T09:00:00'))).toBe(-3);
  });

  it('counts Monday to Friday in a year the shipped calendar lacks', () => {
    // 2027: Fri 1 Jan is a plain weekday here until an admin enters the holidays
    expect(workingDaysLeft(endOf('2027-01-04'), beijing('2026-12-31T10:00:00'))).toBe(2);
  });
});
