import { MigrationInterface, QueryRunner } from 'typeorm';

/** Case handling: the unit's work on a ticket, its clocks, findings, the holiday table and in-app notifications. */
export class Cases1764720000000 implements MigrationInterface {
  name = 'Cases1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tickets
        ADD COLUMN outcome text,
        ADD COLUMN deadline_state text NOT NULL DEFAULT 'ok',
        ADD COLUMN accepted_at timestamptz,
        ADD COLUMN case_number text,
        ADD COLUMN case_filed_at timestamptz,
        ADD COLUMN paused_at timestamptz,
        ADD COLUMN pause_reason text,
        ADD COLUMN police_unit text,
        ADD COLUMN transfer_state text,
        ADD COLUMN transfer_decision_by timestamptz,
        ADD COLUMN hand_over_by timestamptz,
        ADD COLUMN police_decision_by timestamptz,
        ADD COLUMN case_file jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN closed_at timestamptz`);
    await q.query(`CREATE INDEX tickets_workbench_lead_idx ON tickets (lead_unit, dispatched_at DESC, id DESC)`);
    await q.query(`CREATE INDEX tickets_police_unit_idx ON tickets (police_unit) WHERE police_unit IS NOT NULL`);
    await q.query(`CREATE INDEX tickets_transfer_state_idx ON tickets (transfer_state) WHERE transfer_state IS NOT NULL`);
    await q.query(`CREATE INDEX tickets_overdue_idx ON tickets (lead_unit, deadline_state) WHERE deadline_state <> 'ok'`);
    await q.query(`
      CREATE TABLE ticket_clocks (
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        clock text NOT NULL,
        measure text NOT NULL,
        amount integer NOT NULL,
        started_at timestamptz NOT NULL,
        extension integer NOT NULL DEFAULT 0,
        due_at timestamptz NOT NULL,
        warn_at timestamptz NOT NULL,
        provisional boolean NOT NULL DEFAULT false,
        level text NOT NULL DEFAULT 'ok',
        paused_at timestamptz,
        stopped_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_id, clock)
      )`);
    await q.query(`CREATE INDEX ticket_clocks_warn_idx ON ticket_clocks (warn_at) WHERE stopped_at IS NULL AND paused_at IS NULL AND level = 'ok'`);
    await q.query(`CREATE INDEX ticket_clocks_due_idx ON ticket_clocks (due_at) WHERE stopped_at IS NULL AND paused_at IS NULL AND level <> 'overdue'`);
    await q.query(`CREATE INDEX ticket_clocks_provisional_idx ON ticket_clocks (ticket_id) WHERE stopped_at IS NULL AND provisional`);
    await q.query(`
      CREATE TABLE ticket_findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        author_id uuid REFERENCES users(id),
        author_name text NOT NULL,
        unit_code text,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX ticket_findings_ticket_idx ON ticket_findings (ticket_id, created_at)`);
    await q.query(`ALTER TABLE attachments ADD COLUMN finding_id uuid REFERENCES ticket_findings(id)`);
    await q.query(`
      CREATE TABLE calendar_days (
        date date PRIMARY KEY,
        work boolean NOT NULL,
        name text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY,
        entered_by uuid REFERENCES users(id),
        entered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        ticket_id uuid REFERENCES tickets(id),
        unit_code text,
        roles text[] NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        dedupe_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX notifications_unit_idx ON notifications (unit_code, created_at DESC)`);
    await q.query(`
      CREATE TABLE notification_reads (
        notification_id uuid NOT NULL REFERENCES notifications(id),
        user_id uuid NOT NULL REFERENCES users(id),
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (notification_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notification_reads, notifications, calendar_years, calendar_days`);
    await q.query(`ALTER TABLE attachments DROP COLUMN IF EXISTS finding_id`);
    await q.query(`DROP TABLE IF EXISTS ticket_findings, ticket_clocks`);
    await q.query(`DROP INDEX IF EXISTS tickets_overdue_idx, tickets_transfer_state_idx, tickets_police_unit_idx, tickets_workbench_lead_idx`);
    await q.query(`
      ALTER TABLE tickets DROP COLUMN outcome, DROP COLUMN deadline_state, DROP COLUMN accepted_at, DROP COLUMN case_number, DROP COLUMN case_filed_at,
        DROP COLUMN paused_at, DROP COLUMN pause_reason, DROP COLUMN police_unit, DROP COLUMN transfer_state, DROP COLUMN transfer_decision_by,
        DROP COLUMN hand_over_by, DROP COLUMN police_decision_by, DROP COLUMN case_file, DROP COLUMN closed_at`);
  }
}
