import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tipsters' receipts (tracking code + PIN hash), rewards, and the append-only reward ledger. */
export class Rewards1764806400000 implements MigrationInterface {
  name = 'Rewards1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tipster_receipts (
        ticket_id uuid PRIMARY KEY REFERENCES tickets(id),
        pin_hash text NOT NULL,
        source text NOT NULL CHECK (source IN ('PORTAL', 'SMS')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE rewards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL UNIQUE REFERENCES tickets(id),
        closed_ticket_id uuid NOT NULL UNIQUE REFERENCES tickets(id),
        department text NOT NULL,
        level text NOT NULL CHECK (level IN ('L1', 'L2', 'L3')),
        outcome text NOT NULL,
        fine_fen bigint NOT NULL CHECK (fine_fen >= 0),
        confiscation_fen bigint NOT NULL CHECK (confiscation_fen >= 0),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        state text NOT NULL CHECK (state IN ('PROPOSED', 'APPROVED', 'NOTIFIED', 'CLAIMED', 'PAID', 'REJECTED', 'EXPIRED')),
        case_closed_at timestamptz NOT NULL,
        notice_by timestamptz NOT NULL,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        proposed_by text NOT NULL,
        officer_approved_by uuid REFERENCES users(id),
        officer_approved_name text,
        officer_approved_at timestamptz,
        finance_approved_by uuid REFERENCES users(id),
        finance_approved_name text,
        finance_approved_at timestamptz,
        budget_year integer,
        notified_at timestamptz,
        claim_by timestamptz,
        notice_sent_at timestamptz,
        claimed_at timestamptz,
        payout_secret text,
        paid_at timestamptz,
        voucher_number text,
        rejected_at timestamptz,
        reject_reason text,
        exclusion text,
        expired_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rewards_state_idx ON rewards (state, proposed_at, id)`);
    await q.query(`CREATE INDEX rewards_claim_due_idx ON rewards (claim_by) WHERE state = 'NOTIFIED'`);
    await q.query(`CREATE INDEX rewards_notice_due_idx ON rewards (notified_at) WHERE notice_sent_at IS NULL`);
    await q.query(`
      CREATE TABLE reward_ledger (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        department text NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        kind text NOT NULL CHECK (kind IN ('GRANT', 'COMMITMENT', 'PAYOUT', 'REVERSAL', 'EXPIRY_RELEASE')),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        reward_id uuid REFERENCES rewards(id),
        actor_id uuid,
        actor_name text NOT NULL,
        note text,
        CHECK ((kind = 'GRANT') = (reward_id IS NULL))
      )`);
    await q.query(`CREATE INDEX reward_ledger_budget_idx ON reward_ledger (department, year, kind)`);
    // a reward is committed, paid, reversed or released at most once
    await q.query(`CREATE UNIQUE INDEX reward_ledger_once_idx ON reward_ledger (reward_id, kind) WHERE reward_id IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION forbid_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'reward_ledger is append-only'; END $$`);
    await q.query(`CREATE TRIGGER reward_ledger_append_only BEFORE UPDATE OR DELETE ON reward_ledger FOR EACH ROW EXECUTE FUNCTION forbid_ledger_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS reward_ledger`);
    await q.query(`DROP FUNCTION IF EXISTS forbid_ledger_change()`);
    await q.query(`DROP TABLE IF EXISTS rewards`);
    await q.query(`DROP TABLE IF EXISTS tipster_receipts`);
  }
}
