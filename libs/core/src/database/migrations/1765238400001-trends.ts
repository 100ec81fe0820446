import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trend watch (定期研判): hourly ticket counts per subject, product and region and hotline,
 * kept up by the trend job from a watermark on `tickets.created_at` (so no run scans `tickets`
 * beyond what arrived since the last one), the ids it counted lately (a ticket committed late
 * is counted once, never twice), and the alerts it raised.
 */
export class Trends1765238400001 implements MigrationInterface {
  name = 'Trends1765238400001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE trend_counts (
        key_kind text NOT NULL CHECK (key_kind IN ('SUBJECT', 'PRODUCT', 'REGION')),
        key_value text NOT NULL,
        hour timestamptz NOT NULL,
        feed text NOT NULL,
        tickets integer NOT NULL,
        label text NOT NULL,
        PRIMARY KEY (key_kind, key_value, hour, feed)
      )`);
    // the window's keys (last 24 h) and pruning; the baseline of a key goes by the primary key
    await q.query(`CREATE INDEX trend_counts_hour_idx ON trend_counts (hour)`);
    await q.query(`
      CREATE TABLE trend_counted (
        ticket_id uuid PRIMARY KEY,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX trend_counted_created_idx ON trend_counted (created_at)`);
    await q.query(`
      CREATE TABLE trend_watermark (
        id smallint PRIMARY KEY CHECK (id = 1),
        counted_to timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE trend_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key_kind text NOT NULL CHECK (key_kind IN ('SUBJECT', 'PRODUCT', 'REGION')),
        key_value text NOT NULL,
        label text NOT NULL,
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL,
        observed integer NOT NULL,
        expected double precision NOT NULL,
        p_value double precision NOT NULL,
        score double precision NOT NULL,
        hotlines text[] NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACKNOWLEDGED')),
        raised_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by_id uuid,
        acknowledged_by text,
        acknowledged_observed integer
      )`);
    // one open alert per key: re-raising updates it
    await q.query(`CREATE UNIQUE INDEX trend_alerts_open_key_idx ON trend_alerts (key_kind, key_value) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX trend_alerts_key_idx ON trend_alerts (key_kind, key_value, updated_at DESC)`);
    await q.query(`CREATE INDEX trend_alerts_list_idx ON trend_alerts (status, updated_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS trend_alerts`);
    await q.query(`DROP TABLE IF EXISTS trend_watermark`);
    await q.query(`DROP TABLE IF EXISTS trend_counted`);
    await q.query(`DROP TABLE IF EXISTS trend_counts`);
  }
}
