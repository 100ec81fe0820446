/**
 * Periods of whole days in Beijing time (UTC+8, no daylight saving): the day a moment falls on,
 * the days of a period, and runs of consecutive days. Pure.
 */
const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The longest period the dashboard answers (two years and a day, so two calendar years fit). */
export const MAX_PERIOD_DAYS = 732;

/** The Beijing day (YYYY-MM-DD) a moment falls on. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first moment of a Beijing day. */
export function beijingDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS);
}

export function isDay(value: string): boolean {
  return DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Why a period is refused, or null when it is a good one. */
export function periodProblem(from: string, to: string): string | null {
  if (!isDay(from)) return 'from must be a day YYYY-MM-DD';
  if (!isDay(to)) return 'to must be a day YYYY-MM-DD';
  if (from > to) return 'from must not be after to';
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_PERIOD_DAYS) return `a period is at most ${MAX_PERIOD_DAYS} days`;
  return null;
}

/** Sorted distinct days as runs of consecutive days, each at most `maxLength` long. */
export function dayRuns(days: string[], maxLength = 31): Array<{ from: string; to: string }> {
  const sorted = [...new Set(days)].sort();
  const runs: Array<{ from: string; to: string; length: number }> = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && addDays(last.to, 1) === day && last.length < maxLength) {
      last.to = day;
      last.length++;
    } else runs.push({ from: day, to: day, length: 1 });
  }
  return runs.map(({ from, to }) => ({ from, to }));
}
