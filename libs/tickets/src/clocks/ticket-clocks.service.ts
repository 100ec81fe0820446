import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock, DeadlineState } from '@hub/contracts';
import { TimeSource } from '@hub/core';
import { HolidayCalendar } from '@hub/calendar/holiday-calendar.service';
import { calendarDaysBetween, WorkingDayCalendar } from '@hub/calendar/working-days';
import { ClockMeasure, ClockSpec, dueOf, isWorse, levelAt, PAUSABLE_CLOCKS, warnAtOf } from './clock-rules';

/** A running clock the escalation worker must fire at `at`. */
export interface ClockTimer {
  ticketId: string;
  clock: Clock;
  level: Exclude<DeadlineState, 'ok'>;
  at: Date;
}

export interface PendingTimer extends ClockTimer {
  dueAt: Date;
  /** the clock row's last change, in ms */
  stamp: number;
}

interface ClockRow {
  ticket_id: string;
  clock: Clock;
  measure: ClockMeasure;
  amount: number;
  started_at: Date;
  extension: number;
  due_at: Date;
  warn_at: Date;
  provisional: boolean;
  level: DeadlineState;
  paused_at: Date | null;
  stopped_at: Date | null;
}

export interface ClockStart {
  ticketId: string;
  spec: ClockSpec;
}

export interface RestartPlan {
  /** by ticket: the ticket columns the restarted clocks show */
  columns: Map<string, Record<string, unknown>>;
  /** stores the clocks (after the caller's UPDATE of the tickets) */
  write: () => Promise<void>;
}

/** ticket column that shows each clock's end */
const CLOCK_COLUMNS: Record<Clock, string> = {
  dispatchBy: 'dispatch_by',
  acceptBy: 'accept_by',
  resolveBy: 'resolve_by',
  transferDecisionBy: 'transfer_decision_by',
  handOverBy: 'hand_over_by',
  policeDecisionBy: 'police_decision_by',
};

/**
 * The clocks of a ticket, kept in `ticket_clocks` (the schedule the escalation timers
 * are derived from) and mirrored onto the ticket's deadline columns and colour.
 * Everything runs in the caller's transaction.
 */
@Injectable()
export class TicketClocks implements OnModuleInit {
  constructor(
    private readonly holidays: HolidayCalendar,
    private readonly time: TimeSource,
  ) {}

  onModuleInit(): void {
    this.holidays.onChange((tx, calendar) => this.recomputeProvisional(tx, calendar));
  }

  calendar(tx: EntityManager): Promise<WorkingDayCalendar> {
    return this.holidays.current(tx);
  }

  /** Starts (or restarts) a clock now or at `startedAt`. */
  async start(tx: EntityManager, ticketId: string, spec: ClockSpec, startedAt: Date): Promise<Date> {
    const due = dueOf(spec, startedAt, 0, await this.calendar(tx));
    await tx.query(
      `INSERT INTO ticket_clocks (ticket_id, clock, measure, amount, started_at, extension, due_at, warn_at, provisional, level, paused_at, stopped_at)
       VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, 'ok', NULL, NULL)
       ON CONFLICT (ticket_id, clock) DO UPDATE SET measure = EXCLUDED.measure, amount = EXCLUDED.amount, started_at = EXCLUDED.started_at, extension = 0,
         due_at = EXCLUDED.due_at, warn_at = EXCLUDED.warn_at, provisional = EXCLUDED.provisional, level = 'ok', paused_at = NULL, stopped_at = NULL, updated_at = clock_timestamp()`,
      [ticketId, spec.clock, spec.measure, spec.amount, startedAt, due.at, warnAtOf(startedAt, due.at), due.provisional],
    );
    await this.mirror(tx, ticketId);
    return due.at;
  }

  /**
   * What `stopAll` then `start` do for each ticket, for a batch whose tickets the caller updates
   * anyway: `columns` are what the restarted clocks show on each ticket (its deadline columns and
   * colour, as the mirror would set them), to go into the caller's own UPDATE; `write` then stops
   * every running clock of the tickets and starts the given ones at `startedAt`, one statement
   * each whatever the batch size, without a mirror of its own.
   */
  async planRestart(tx: EntityManager, starts: ClockStart[], startedAt: Date): Promise<RestartPlan> {
    if (starts.length === 0) return { columns: new Map(), write: async () => undefined };
    const calendar = await this.calendar(tx);
    // one row per (ticket, clock): ON CONFLICT may not touch a row twice in one statement
    const rows = [...new Map(starts.map((s) => [`${s.ticketId}|${s.spec.clock}`, s])).values()].map((s) => ({ ...s, due: dueOf(s.spec, startedAt, 0, calendar) }));
    // every other clock stops, and the new ones start at 'ok'
    const columns = new Map<string, Record<string, unknown>>(starts.map((s) => [s.ticketId, { deadline_state: 'ok', deadlines_provisional: false }]));
    for (const r of rows) {
      const shown = columns.get(r.ticketId) as Record<string, unknown>;
      if (r.spec.clock !== 'dispatchBy') shown[CLOCK_COLUMNS[r.spec.clock]] = r.due.at;
      if (r.due.provisional) shown.deadlines_provisional = true;
    }
    const write = async () => {
      await tx.query(`UPDATE ticket_clocks SET stopped_at = $2, updated_at = clock_timestamp() WHERE ticket_id = ANY($1::uuid[]) AND stopped_at IS NULL`, [[...columns.keys()], startedAt]);
      await tx.query(
        `INSERT INTO ticket_clocks (ticket_id, clock, measure, amount, started_at, extension, due_at, warn_at, provisional, level, paused_at, stopped_at)
         SELECT r.ticket_id, r.clock, r.measure, r.amount, $1, 0, r.due_at, r.warn_at, r.provisional, 'ok', NULL, NULL
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::timestamptz[], $8::boolean[]) AS r(ticket_id, clock, measure, amount, due_at, warn_at, provisional)
         ON CONFLICT (ticket_id, clock) DO UPDATE SET measure = EXCLUDED.measure, amount = EXCLUDED.amount, started_at = EXCLUDED.started_at, extension = 0,
           due_at = EXCLUDED.due_at, warn_at = EXCLUDED.warn_at, provisional = EXCLUDED.provisional, level = 'ok', paused_at = NULL, stopped_at = NULL, updated_at = clock_timestamp()`,
        [
          startedAt,
          rows.map((r) => r.ticketId),
          rows.map((r) => r.spec.clock),
          rows.map((r) => r.spec.measure),
          rows.map((r) => r.spec.amount),
          rows.map((r) => r.due.at),
          rows.map((r) => warnAtOf(startedAt, r.due.at)),
          rows.map((r) => r.due.provisional),
        ],
      );
    };
    return { columns, write };
  }

  /** Stops clocks whose work is done (met or no longer applicable). */
  async stop(tx: EntityManager, ticketId: string, clocks: Clock[], at = new Date()): Promise<void> {
    await tx.query(`UPDATE ticket_clocks SET stopped_at = $3, updated_at = clock_timestamp() WHERE ticket_id = $1 AND clock = ANY($2) AND stopped_at IS NULL`, [ticketId, clocks, at]);
    await this.mirror(tx, ticketId);
  }

  async stopAll(tx: EntityManager, ticketId: string, at = new Date()): Promise<void> {
    await tx.query(`UPDATE ticket_clocks SET stopped_at = $2, updated_at = clock_timestamp() WHERE ticket_id = $1 AND stopped_at IS NULL`, [ticketId, at]);
    await this.mirror(tx, ticketId);
  }

  /** Gives a running clock a new length from its start (the police's extension to 10 days). */
  async lengthen(tx: EntityManager, ticketId: string, spec: ClockSpec): Promise<void> {
    await tx.query(`UPDATE ticket_clocks SET amount = $3, measure = $4 WHERE ticket_id = $1 AND clock = $2 AND stopped_at IS NULL`, [ticketId, spec.clock, spec.amount, spec.measure]);
    await this.recompute(tx, ticketId, await this.calendar(tx));
  }

  /** A pause stops the unit's clocks from running (no warning fires while paused). */
  async pause(tx: EntityManager, ticketId: string, at: Date): Promise<void> {
    await tx.query(`UPDATE ticket_clocks SET paused_at = $3, updated_at = clock_timestamp() WHERE ticket_id = $1 AND clock = ANY($2) AND stopped_at IS NULL AND paused_at IS NULL`, [ticketId, PAUSABLE_CLOCKS, at]);
  }

  /** Ends a pause: each paused clock moves by the time it was paused, in its own measure. Answers the most working days any moved. */
  async resume(tx: EntityManager, ticketId: string, at: Date): Promise<number> {
    const calendar = await this.calendar(tx);
    const rows: ClockRow[] = await tx.query(`SELECT * FROM ticket_clocks WHERE ticket_id = $1 AND paused_at IS NOT NULL AND stopped_at IS NULL FOR UPDATE`, [ticketId]);
    let workingDays = 0;
    for (const row of rows) {
      const from = row.paused_at as Date;
      const days = calendar.workingDaysBetween(from, at);
      workingDays = Math.max(workingDays, days);
      const moved = row.measure === 'WORKING_DAYS' ? days : row.measure === 'DAYS' ? calendarDaysBetween(from, at) : Math.ceil((at.getTime() - from.getTime()) / 3600000);
      await tx.query(`UPDATE ticket_clocks SET extension = extension + $3, paused_at = NULL, updated_at = clock_timestamp() WHERE ticket_id = $1 AND clock = $2`, [ticketId, row.clock, moved]);
    }
    await this.recompute(tx, ticketId, calendar);
    return workingDays;
  }

  /** Running clocks counted without holiday data are counted again with the calendar as it is now. */
  async recomputeProvisional(tx: EntityManager, calendar: WorkingDayCalendar): Promise<number> {
    const tickets: Array<{ ticket_id: string }> = await tx.query(`SELECT DISTINCT ticket_id FROM ticket_clocks WHERE stopped_at IS NULL AND provisional`);
    for (const t of tickets) await this.recompute(tx, t.ticket_id, calendar);
    return tickets.length;
  }

  /** Raises a clock to `level` when it is still running, still ends at `dueAt`, and is not there yet. */
  async escalate(tx: EntityManager, timer: ClockTimer, dueAt: Date, now: Date): Promise<boolean> {
    const [row]: ClockRow[] = await tx.query(`SELECT * FROM ticket_clocks WHERE ticket_id = $1 AND clock = $2 FOR UPDATE`, [timer.ticketId, timer.clock]);
    if (!row || row.stopped_at || row.paused_at || row.due_at.getTime() !== dueAt.getTime()) return false;
    const threshold = timer.level === 'overdue' ? row.due_at : row.warn_at;
    if (now.getTime() < threshold.getTime() || !isWorse(timer.level, row.level)) return false;
    await tx.query(`UPDATE ticket_clocks SET level = $3, updated_at = clock_timestamp() WHERE ticket_id = $1 AND clock = $2`, [timer.ticketId, timer.clock, timer.level]);
    await this.mirror(tx, timer.ticketId);
    return true;
  }

  /** Every escalation due before `horizon` that has not happened: the schedule the worker arms its timers from. */
  async pendingTimers(manager: EntityManager, horizon: Date): Promise<PendingTimer[]> {
    const rows: Array<{ ticket_id: string; clock: Clock; level: DeadlineState; warn_at: Date; due_at: Date; updated_at: Date }> = await manager.query(
      `SELECT ticket_id, clock, level, warn_at, due_at, updated_at FROM ticket_clocks
       WHERE stopped_at IS NULL AND paused_at IS NULL AND ((level = 'ok' AND warn_at <= $1) OR (level <> 'overdue' AND due_at <= $1))`,
      [horizon],
    );
    return rows.flatMap((r) => {
      const timers: PendingTimer[] = [];
      const common = { ticketId: r.ticket_id, clock: r.clock, dueAt: r.due_at, stamp: r.updated_at.getTime() };
      if (r.level === 'ok' && r.warn_at <= horizon) timers.push({ ...common, level: 'warning', at: r.warn_at });
      if (r.due_at <= horizon) timers.push({ ...common, level: 'overdue', at: r.due_at });
      return timers;
    });
  }

  private async recompute(tx: EntityManager, ticketId: string, calendar: WorkingDayCalendar): Promise<void> {
    const rows: ClockRow[] = await tx.query(`SELECT * FROM ticket_clocks WHERE ticket_id = $1 AND stopped_at IS NULL FOR UPDATE`, [ticketId]);
    for (const row of rows) {
      const due = dueOf(row, row.started_at, row.extension, calendar);
      if (due.at.getTime() === row.due_at.getTime() && due.provisional === row.provisional) continue;
      const warnAt = warnAtOf(row.started_at, due.at);
      // a clock that moved drops back to the colour it has now; escalation raises it again
      const level: DeadlineState = isWorse(row.level, levelAt(this.time.now(), warnAt, due.at)) ? levelAt(this.time.now(), warnAt, due.at) : row.level;
      await tx.query(`UPDATE ticket_clocks SET due_at = $3, warn_at = $4, provisional = $5, level = $6, updated_at = clock_timestamp() WHERE ticket_id = $1 AND clock = $2`, [
        ticketId,
        row.clock,
        due.at,
        warnAt,
        due.provisional,
        level,
      ]);
    }
    await this.mirror(tx, ticketId);
  }

  /** Copies each clock's end onto the ticket, with the provisional mark and the colour of the worst running clock. */
  private mirror(tx: EntityManager, ticketId: string): Promise<void> {
    return this.mirrorMany(tx, [ticketId]);
  }

  private async mirrorMany(tx: EntityManager, ticketIds: string[]): Promise<void> {
    const clocks = Object.entries(CLOCK_COLUMNS).filter(([clock]) => clock !== 'dispatchBy');
    const sets = clocks.map(([clock, column]) => `${column} = coalesce((SELECT due_at FROM ticket_clocks WHERE ticket_id = t.id AND clock = '${clock}'), t.${column})`);
    await tx.query(
      `UPDATE tickets t SET ${sets.join(', ')},
         deadlines_provisional = EXISTS (SELECT 1 FROM ticket_clocks WHERE ticket_id = t.id AND provisional AND stopped_at IS NULL),
         deadline_state = coalesce((SELECT CASE max(CASE level WHEN 'overdue' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END) WHEN 2 THEN 'overdue' WHEN 1 THEN 'warning' ELSE 'ok' END
                                    FROM ticket_clocks WHERE ticket_id = t.id AND stopped_at IS NULL), 'ok')
       WHERE t.id = ANY($1::uuid[])`,
      [ticketIds],
    );
  }
}
