import chineseDays from 'chinese-days/dist/chinese-days.json';

/** A day the State Council arrangement says differs from Monday–Friday. */
export interface CalendarOverride {
  date: string;
  work: boolean;
}

const DAY_MS = 24 * 3600 * 1000;
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

const PACKAGED_YEARS = new Set(
  [...Object.keys(chineseDays.holidays), ...Object.keys(chineseDays.workdays)].map((d) => Number(d.slice(0, 4))),
);

/**
 * Chinese working days with make-up days (调休): holidays and make-up working days from
 * the packaged data plus an admin-edited table; a year neither covers counts Mon–Fri
 * and marks results provisional.
 */
export class WorkingDayCalendar {
  private readonly overrides: Map<string, boolean>;
  private readonly coveredYears: Set<number>;

  /**
   * @param overrides admin-entered days (they win over the package)
   * @param enteredYears years whose whole arrangement an admin entered: no longer provisional
   */
  constructor(overrides: CalendarOverride[] = [], enteredYears: number[] = []) {
    this.overrides = new Map();
    for (const day of Object.keys(chineseDays.holidays)) this.overrides.set(day, false);
    for (const day of Object.keys(chineseDays.workdays)) this.overrides.set(day, true);
    for (const o of overrides) this.overrides.set(o.date, o.work);
    this.coveredYears = new Set([...PACKAGED_YEARS, ...enteredYears]);
  }

  covers(year: number): boolean {
    return this.coveredYears.has(year);
  }

  isWorkday(beijingDate: string): boolean {
    const override = this.overrides.get(beijingDate);
    if (override !== undefined) return override;
    const weekday = new Date(`${beijingDate}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The end (Beijing) of the Nth working day after the day `start` falls on;
   * that day itself does not count.
   */
  addWorkingDays(start: Date, n: number): { at: Date; provisional: boolean } {
    let day = beijingDate(start);
    let provisional = false;
    for (let counted = 0; counted < n; ) {
      day = nextDate(day);
      if (!this.covers(Number(day.slice(0, 4)))) provisional = true;
      if (this.isWorkday(day)) counted++;
    }
    return { at: endOfBeijingDay(day), provisional };
  }

  /**
   * Working days a pause lasted: those after the day it began, up to and including
   * the day it ended (a pause begun and ended on one day moves nothing).
   */
  workingDaysBetween(from: Date, to: Date): number {
    let day = beijingDate(from);
    const last = beijingDate(to);
    let count = 0;
    while (day < last) {
      day = nextDate(day);
      if (this.isWorkday(day)) count++;
    }
    return count;
  }
}

export const isPackagedYear = (year: number) => PACKAGED_YEARS.has(year);

/** The end (Beijing) of the day N calendar days after the day `start` falls on. */
export function addCalendarDays(start: Date, n: number): Date {
  return endOfBeijingDay(new Date(Date.parse(`${beijingDate(start)}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10));
}

/** Calendar days between the Beijing dates of two instants. */
export function calendarDaysBetween(from: Date, to: Date): number {
  return Math.round((Date.parse(`${beijingDate(to)}T00:00:00Z`) - Date.parse(`${beijingDate(from)}T00:00:00Z`)) / DAY_MS);
}

export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** 23:59:59.999 Beijing = 15:59:59.999Z the same date. */
export function endOfBeijingDay(date: string): Date {
  return new Date(`${date}T15:59:59.999Z`);
}

const defaultCalendar = new WorkingDayCalendar();

/** dispatchBy: 1 working day from receipt (workflows.md). */
export function computeDispatchBy(receivedAt: Date, calendar: WorkingDayCalendar = defaultCalendar) {
  return calendar.addWorkingDays(receivedAt, 1);
}
