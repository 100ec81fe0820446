import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit records (诚信档案): one row per subject (by USCC, else normalised name + region),
 * the PENALIZED and TRANSFERRED cases behind it (also the public disclosure rows), and
 * the append-only history of cases added, listings and delistings.
 */
export class Records1765152000000 implements MigrationInterface {
  name = 'Records1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE credit_subjects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_key text NOT NULL UNIQUE,
        subject_name text NOT NULL,
        name_norm text,
        uscc text,
        region_code text NOT NULL,
        last_case_at timestamptz NOT NULL,
        blacklisted boolean NOT NULL DEFAULT false,
        listed_at timestamptz,
        listed_reason text,
        delisted_at timestamptz,
        delisted_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // the intake's repeat-offender lookup: by USCC, or by normalised name and region
    await q.query(`CREATE INDEX credit_subjects_uscc_idx ON credit_subjects (uscc) WHERE uscc IS NOT NULL`);
    await q.query(`CREATE INDEX credit_subjects_name_idx ON credit_subjects (name_norm, region_code) WHERE name_norm IS NOT NULL`);
    await q.query(`CREATE INDEX credit_subjects_blacklist_idx ON credit_subjects (listed_at DESC, id DESC) WHERE blacklisted`);
    await q.query(`CREATE INDEX credit_subjects_delist_due_idx ON credit_subjects (GREATEST(last_case_at, listed_at)) WHERE blacklisted`);
    await q.query(`CREATE INDEX credit_subjects_name_trgm_idx ON credit_subjects USING gin (subject_name gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE credit_cases (
        ticket_id uuid PRIMARY KEY REFERENCES tickets(id),
        subject_id uuid NOT NULL REFERENCES credit_subjects(id),
        outcome text NOT NULL CHECK (outcome IN ('PENALIZED', 'TRANSFERRED')),
        subject_name text NOT NULL,
        uscc text,
        violation text,
        penalties text[] NOT NULL DEFAULT '{}',
        fine_fen bigint NOT NULL DEFAULT 0,
        confiscation_fen bigint NOT NULL DEFAULT 0,
        unit_code text NOT NULL,
        unit_name text NOT NULL,
        decision_number text,
        decided_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX credit_cases_subject_idx ON credit_cases (subject_id, decided_at DESC)`);
    await q.query(`CREATE INDEX credit_cases_public_idx ON credit_cases (decided_at DESC, ticket_id DESC) WHERE outcome = 'PENALIZED'`);
    await q.query(`CREATE INDEX credit_cases_uscc_idx ON credit_cases (uscc) WHERE outcome = 'PENALIZED'`);
    await q.query(`CREATE INDEX credit_cases_name_trgm_idx ON credit_cases USING gin (subject_name gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE credit_record_history (
        id bigserial PRIMARY KEY,
        subject_id uuid NOT NULL REFERENCES credit_subjects(id),
        ticket_id uuid REFERENCES tickets(id),
        action text NOT NULL CHECK (action IN ('CASE_ADDED', 'LISTED', 'DELISTED')),
        reason text,
        actor_id uuid,
        actor_name text NOT NULL,
        at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX credit_record_history_subject_idx ON credit_record_history (subject_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS credit_record_history`);
    await q.query(`DROP TABLE IF EXISTS credit_cases`);
    await q.query(`DROP TABLE IF EXISTS credit_subjects`);
  }
}
