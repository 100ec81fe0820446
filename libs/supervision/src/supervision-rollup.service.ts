import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DELETE_DAYS_SQL, INSERT_DAYS_BY_SQL, INSERT_DAYS_SQL, ROLLUP_LOCK_KEY, TOUCHED_DAYS_SQL, WATERMARK_OVERLAP } from './rollup.sql';
import { dayRuns } from './period';

export interface RollupRun {
  /** Beijing days whose rows were rebuilt */
  days: number;
  watermark: string;
}

/**
 * Keeps `supervision_daily_flow` and `supervision_daily_by` up to date: in one transaction, under an advisory lock (one run at a
 * time across workers), rebuilds every Beijing day on which a ticket touched since the watermark has
 * history or was received, then moves the watermark to the run's start. Rebuilding whole days makes
 * a run idempotent; rebuilding every day of a touched ticket keeps its earlier days right when its
 * category, lead unit or outcome changes later.
 */
@Injectable()
export class SupervisionRollup {
  private readonly logger = new Logger(SupervisionRollup.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  run(): Promise<RollupRun> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [ROLLUP_LOCK_KEY]);
      const [state]: Array<{ since: Date | null; started: Date }> = await tx.query(
        `SELECT (SELECT watermark - $1::interval FROM supervision_rollup_state WHERE name = 'flow') AS since, now() AS started`,
        [WATERMARK_OVERLAP],
      );
      const days: Array<{ day: string }> = await tx.query(TOUCHED_DAYS_SQL, [state.since]);
      for (const run of dayRuns(days.map((d) => d.day))) {
        for (const statement of [...DELETE_DAYS_SQL, INSERT_DAYS_SQL, ...INSERT_DAYS_BY_SQL]) await tx.query(statement, [run.from, run.to]);
      }
      await tx.query(
        `INSERT INTO supervision_rollup_state (name, watermark, days_recomputed, updated_at) VALUES ('flow', $1, $2, now())
         ON CONFLICT (name) DO UPDATE SET watermark = EXCLUDED.watermark, days_recomputed = EXCLUDED.days_recomputed, updated_at = now()`,
        [state.started, days.length],
      );
      if (days.length > 0) this.logger.log({ days: days.length }, 'supervision rollup rebuilt days');
      return { days: days.length, watermark: state.started.toISOString() };
    });
  }
}
