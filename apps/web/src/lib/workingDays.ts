import chineseDays from 'chinese-days/dist/chinese-days.json';

const DAY_MS = 24 * 3600 * 1000;
const BEIJING_MS = 8 * 3600 * 1000;

const holidays = chineseDays.holidays as Record<string, string>;
const workdays = chineseDays.workdays as Record<string, string>;

const beijingDate = (ms: number) => new Date(ms + BEIJING_MS).toISOString().slice(0, 10);

/** A working day by the State Council arrangement with make-up days (调休); Monday–Friday where the year is not in the package. */
export function isWorkday(date: string): boolean {
  if (date in workdays) return true;
  if (date in holidays) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

const nextDate = (date: string, step: number) => new Date(Date.parse(`${date}T00:00:00Z`) + step * DAY_MS).toISOString().slice(0, 10);

/**
 * Working days from today (Beijing) to the deadline's day: 0 when it ends today, negative once past
 * (the working days since it ended, at least 1). The server counts deadlines with the admins' calendar
 * as well; this is only the words beside the date it sent.
 */
export function workingDaysLeft(deadline: string, now: number): number {
  const end = beijingDate(Date.parse(deadline));
  const today = beijingDate(now);
  if (Date.parse(deadline) < now) {
    let over = 0;
    for (let day = end; day < today; ) {
      day = nextDate(day, 1);
      if (isWorkday(day)) over++;
    }
    return -Math.max(1, over);
  }
  let left = 0;
  for (let day = today; day < end; ) {
    day = nextDate(day, 1);
    if (isWorkday(day)) left++;
  }
  return left;
}
