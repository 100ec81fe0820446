import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CalendarDayView, CalendarYearView } from '@hub/contracts';
import { Invalid, NotFound, returningRows } from '@hub/core';
import { CalendarDayDto } from './calendar.dto';
import { isPackagedYear, WorkingDayCalendar } from './working-days';

/** Called in the transaction that changed the calendar; answers how many deadlines it recomputed. */
export type CalendarChangeListener = (tx: EntityManager, calendar: WorkingDayCalendar) => Promise<number>;

interface Loaded {
  stamp: string;
  calendar: WorkingDayCalendar;
}

const STAMP_SQL = `SELECT (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM calendar_days) || '/' ||
  (SELECT count(*) || ':' || coalesce(max(entered_at)::text, '') FROM calendar_years) AS stamp`;

/**
 * The working-day calendar every process uses: the packaged holidays plus the
 * admin-edited table in PostgreSQL. Each use checks a cheap stamp of the table, so
 * an edit made through any api process is seen by every other at once.
 */
@Injectable()
export class HolidayCalendar {
  private loaded: Loaded | null = null;
  private readonly listeners: CalendarChangeListener[] = [];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onChange(listener: CalendarChangeListener): void {
    this.listeners.push(listener);
  }

  async current(manager: EntityManager = this.db.manager): Promise<WorkingDayCalendar> {
    const [{ stamp }]: Array<{ stamp: string }> = await manager.query(STAMP_SQL);
    if (this.loaded?.stamp === stamp) return this.loaded.calendar;
    const days: Array<{ date: string; work: boolean }> = await manager.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, work FROM calendar_days`);
    const years: Array<{ year: number }> = await manager.query(`SELECT year FROM calendar_years`);
    const calendar = new WorkingDayCalendar(days, years.map((y) => y.year));
    this.loaded = { stamp, calendar };
    return calendar;
  }

  /** Last, this and next year, and every year an admin entered; a year no data covers carries a warning. */
  async coverage(now = new Date()): Promise<{ years: CalendarYearView[]; warnings: string[] }> {
    const entered: Array<{ year: number }> = await this.db.query(`SELECT year FROM calendar_years`);
    const counts: Array<{ year: number; n: string }> = await this.db.query(`SELECT extract(year FROM date)::int AS year, count(*) AS n FROM calendar_days GROUP BY 1`);
    const thisYear = Number(new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 4));
    const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, ...entered.map((e) => e.year)])].sort();
    const views = years.map((year): CalendarYearView => {
      const days = Number(counts.find((c) => c.year === year)?.n ?? 0);
      const source = entered.some((e) => e.year === year) ? 'ADMIN' : isPackagedYear(year) ? 'PACKAGE' : 'MISSING';
      const warning = source === 'MISSING' ? `${year} 年节假日安排尚未录入：期限按周一至周五计算并标为暂定 / holidays of ${year} not entered: deadlines count Monday–Friday and are provisional` : null;
      return { year, source, days, warning };
    });
    return { years: views, warnings: views.flatMap((v) => (v.warning ? [v.warning] : [])) };
  }

  async days(year: number): Promise<CalendarDayView[]> {
    const rows: Array<{ date: string; work: boolean; name: string | null }> = await this.db.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, work, name FROM calendar_days WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) ORDER BY date`,
      [year],
    );
    return rows;
  }

  /** Enters a year's whole arrangement (replacing what was entered for it) and recomputes provisional deadlines. */
  async enterYear(userId: string, year: number, days: CalendarDayDto[]): Promise<{ year: number; days: number; recomputed: number }> {
    const outside = days.filter((d) => !d.date.startsWith(`${year}-`) || Number.isNaN(Date.parse(d.date)));
    if (outside.length > 0) throw Invalid('Every day must be a real date of the year', outside.map((d) => ({ field: 'days.date', message: `${d.date} is not a date in ${year}` })));
    return this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM calendar_days WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`, [year]);
      for (const d of days) await this.upsertDay(tx, userId, d);
      await tx.query(`INSERT INTO calendar_years (year, entered_by) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET entered_by = $2, entered_at = now()`, [year, userId]);
      return { year, days: days.length, recomputed: await this.changed(tx) };
    });
  }

  async putDay(userId: string, day: CalendarDayDto): Promise<CalendarDayView> {
    if (Number.isNaN(Date.parse(day.date))) throw Invalid('Not a date', [{ field: 'date', message: `${day.date} is not a date` }]);
    await this.db.transaction(async (tx) => {
      await this.upsertDay(tx, userId, day);
      await this.changed(tx);
    });
    return { date: day.date, work: day.work, name: day.name ?? null };
  }

  async deleteDay(date: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = returningRows(await tx.query(`DELETE FROM calendar_days WHERE date = $1::date RETURNING date`, [date]));
      if (rows.length === 0) throw NotFound(`No calendar entry for ${date}`);
      await this.changed(tx);
    });
  }

  async deleteYear(year: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = returningRows(await tx.query(`DELETE FROM calendar_years WHERE year = $1 RETURNING year`, [year]));
      if (rows.length === 0) throw NotFound(`${year} was not entered`);
      await tx.query(`DELETE FROM calendar_days WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`, [year]);
      await this.changed(tx);
    });
  }

  private upsertDay(tx: EntityManager, userId: string, d: CalendarDayDto) {
    return tx.query(
      `INSERT INTO calendar_days (date, work, name, created_by) VALUES ($1::date, $2, $3, $4)
       ON CONFLICT (date) DO UPDATE SET work = EXCLUDED.work, name = EXCLUDED.name, created_by = EXCLUDED.created_by, created_at = now()`,
      [d.date, d.work, d.name ?? null, userId],
    );
  }

  private async changed(tx: EntityManager): Promise<number> {
    const calendar = await this.current(tx);
    let recomputed = 0;
    for (const listener of this.listeners) recomputed += await listener(tx, calendar);
    return recomputed;
  }
}
