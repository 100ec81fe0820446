import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sums both rollup tables keep, in this order (money in fen as bigint). */
const SUMS = [
  ['received', 'integer'],
  ['dispatched', 'integer'],
  ['closed', 'integer'],
  ['overdue', 'integer'],
  ['routed', 'integer'],
  ['auto_routed', 'integer'],
  ['corrected', 'integer'],
  ['no_case', 'integer'],
  ['mediated', 'integer'],
  ['mediation_failed', 'integer'],
  ['penalized', 'integer'],
  ['transferred', 'integer'],
  ['fine_fen', 'bigint'],
  ['confiscation_fen', 'bigint'],
  ['accepted', 'integer'],
  ['accepted_on_time', 'integer'],
  ['accept_missed', 'integer'],
  ['closed_on_time', 'integer'],
  ['close_missed', 'integer'],
  ['returned', 'integer'],
  ['reopened', 'integer'],
] as const;
const sumColumns = SUMS.map(([name, type]) => `        ${name} ${type} NOT NULL DEFAULT 0,`).join('\n');

/**
 * Supervision rollups: one row per Beijing day, hotline, region, category and unit with the day's
 * flow and the events the unit assessment counts, and the same sums by each dimension alone, kept by the supervision rollup job from the
 * ticket history (dashboards and reports read these, never `tickets`); the job's watermark; an
 * index on the history's time so a day's events are found without a scan. The index is built
 * CONCURRENTLY, outside a transaction, so a live system keeps writing history meanwhile.
 */
export class Supervision1765238400000 implements MigrationInterface {
  name = 'Supervision1765238400000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS supervision_daily_flow (
        day date NOT NULL,
        feed text NOT NULL,
        region_code text NOT NULL,
        category text NOT NULL,
        unit text NOT NULL,
${sumColumns}
        PRIMARY KEY (day, feed, region_code, category, unit)
      )`);
    // the same sums by one dimension at a time (dim: the day's total, or one feed, region, category or unit),
    // for everything (fdim '') and within each single feed, region, category or unit (fdim, fkey): an unfiltered
    // or singly filtered dashboard reads a few hundred rows a day from here, whatever the mix of keys
    await q.query(`
      CREATE TABLE IF NOT EXISTS supervision_daily_by (
        fdim text NOT NULL,
        fkey text NOT NULL,
        dim text NOT NULL,
        day date NOT NULL,
        key text NOT NULL,
${sumColumns}
        PRIMARY KEY (fdim, fkey, dim, day, key)
      )`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS supervision_rollup_state (
        name text PRIMARY KEY,
        watermark timestamptz,
        days_recomputed integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // a filtered dashboard reads one key's rows of the period, not every row of it
    for (const key of ['unit', 'feed', 'region_code', 'category']) {
      await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS supervision_daily_flow_${key}_idx ON supervision_daily_flow (${key}, day)`);
    }
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ticket_history_at_idx ON ticket_history (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ticket_history_at_idx`);
    await q.query(`DROP TABLE IF EXISTS supervision_rollup_state, supervision_daily_by, supervision_daily_flow`);
  }
}
