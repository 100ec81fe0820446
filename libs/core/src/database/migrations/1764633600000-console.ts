import { MigrationInterface, QueryRunner } from 'typeorm';

export class Console1764633600000 implements MigrationInterface {
  name = 'Console1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_claims (
        ticket_id uuid PRIMARY KEY REFERENCES tickets(id),
        user_id uuid NOT NULL REFERENCES users(id),
        display_name text NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX tickets_dispatched_at_idx ON tickets (dispatched_at) WHERE dispatched_at IS NOT NULL`);
    await q.query(`CREATE INDEX tickets_triage_idx ON tickets (received_at, id) WHERE status IN ('TRIAGE', 'RETURNED')`);
    await q.query(`CREATE INDEX tickets_feed_received_idx ON tickets (feed, received_at DESC)`);
    await q.query(`CREATE INDEX tickets_created_idx ON tickets (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tickets_created_idx, tickets_feed_received_idx, tickets_triage_idx, tickets_dispatched_at_idx`);
    await q.query(`DROP TABLE IF EXISTS ticket_claims`);
  }
}
