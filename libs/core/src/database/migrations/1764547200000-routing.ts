import { MigrationInterface, QueryRunner } from 'typeorm';

export class Routing1764547200000 implements MigrationInterface {
  name = 'Routing1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rule_sets (
        version text PRIMARY KEY,
        rules jsonb NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT',
        note text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        activated_by uuid REFERENCES users(id)
      )`);
    await q.query(`CREATE UNIQUE INDEX rule_sets_one_active ON rule_sets ((true)) WHERE status = 'ACTIVE'`);
    await q.query(`
      CREATE TABLE classifier_models (
        version text PRIMARY KEY,
        model jsonb NOT NULL,
        status text NOT NULL DEFAULT 'CANDIDATE',
        metrics jsonb NOT NULL DEFAULT '{}'::jsonb,
        example_count integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX classifier_models_one_active ON classifier_models ((true)) WHERE status = 'ACTIVE'`);
    await q.query(`
      CREATE TABLE labelled_examples (
        id bigserial PRIMARY KEY,
        source text NOT NULL,
        ticket_id uuid REFERENCES tickets(id),
        feed text NOT NULL,
        kind text,
        text text NOT NULL,
        product_name text,
        subject_name text,
        region_code text,
        category text NOT NULL,
        violation text NOT NULL,
        stage text NOT NULL,
        lead_unit text,
        agreed_with_router boolean,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX labelled_examples_ticket ON labelled_examples (ticket_id) WHERE ticket_id IS NOT NULL`);
    await q.query(`ALTER TABLE tickets ADD COLUMN priority integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE tickets ADD COLUMN dispatched_at timestamptz`);
    await q.query(`CREATE INDEX tickets_open_region_idx ON tickets (region_code, received_at DESC) WHERE status NOT IN ('CLOSED', 'MERGED', 'DISCARDED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tickets_open_region_idx`);
    await q.query(`ALTER TABLE tickets DROP COLUMN IF EXISTS dispatched_at, DROP COLUMN IF EXISTS priority`);
    await q.query(`DROP TABLE IF EXISTS labelled_examples, classifier_models, rule_sets`);
  }
}
