import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Half-year reports: one row per run of a scope (PROVINCE or a unit code), year and half,
 * numbered by version; at most one QUEUED or RUNNING run per scope and half. The built files
 * are kept beside it as bytes, like the findings' attachments.
 */
export class Reports1765238400002 implements MigrationInterface {
  name = 'Reports1765238400002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        half text NOT NULL CHECK (half IN ('H1', 'H2')),
        version integer NOT NULL,
        state text NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        provisional boolean NOT NULL DEFAULT false,
        requested_by uuid NOT NULL,
        requested_by_name text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        error text,
        UNIQUE (scope, year, half, version)
      )`);
    await q.query(`CREATE UNIQUE INDEX report_runs_active_idx ON report_runs (scope, year, half) WHERE state IN ('QUEUED', 'RUNNING')`);
    await q.query(`CREATE INDEX report_runs_list_idx ON report_runs (requested_at DESC, id DESC)`);
    await q.query(`CREATE INDEX report_runs_scope_idx ON report_runs (scope, requested_at DESC)`);
    await q.query(`
      CREATE TABLE report_files (
        run_id uuid NOT NULL REFERENCES report_runs(id) ON DELETE CASCADE,
        format text NOT NULL CHECK (format IN ('xlsx', 'pdf')),
        file_name text NOT NULL,
        mime_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run_id, format)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS report_files`);
    await q.query(`DROP TABLE IF EXISTS report_runs`);
  }
}
