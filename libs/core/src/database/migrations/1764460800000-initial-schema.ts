import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764460800000 implements MigrationInterface {
  name = 'InitialSchema1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE departments (
        code text PRIMARY KEY,
        name text NOT NULL,
        hotline text,
        province_only boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE TABLE regions (code text PRIMARY KEY, name text NOT NULL)`);
    await q.query(`
      CREATE TABLE units (
        code text PRIMARY KEY,
        department_code text NOT NULL REFERENCES departments(code),
        region_code text NOT NULL REFERENCES regions(code),
        name text NOT NULL,
        UNIQUE (department_code, region_code)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        roles text[] NOT NULL,
        unit_code text REFERENCES units(code),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE raw_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        feed text NOT NULL,
        content_type text,
        body bytea NOT NULL,
        size_bytes integer NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        request_id text,
        state text NOT NULL DEFAULT 'RECEIVED',
        error_code text,
        error_message text,
        outcome jsonb,
        attempts integer NOT NULL DEFAULT 0,
        discard_reason text,
        discarded_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX raw_records_unreadable_idx ON raw_records (received_at DESC) WHERE state = 'UNREADABLE'`);
    await q.query(`CREATE INDEX raw_records_feed_received_idx ON raw_records (feed, received_at DESC)`);
    await q.query(`
      CREATE TABLE tickets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tracking_code text NOT NULL UNIQUE,
        feed text NOT NULL,
        external_id text NOT NULL,
        raw_id uuid REFERENCES raw_records(id),
        kind text NOT NULL,
        kind_source text NOT NULL DEFAULT 'FEED',
        channel text NOT NULL,
        received_at timestamptz NOT NULL,
        reporter_anonymous boolean NOT NULL,
        reporter_secret text,
        reporter_masked jsonb NOT NULL DEFAULT '{}'::jsonb,
        subject_name text,
        subject_name_norm text,
        subject_uscc text,
        subject_uscc_valid boolean,
        subject_address text,
        region_code text NOT NULL REFERENCES regions(code),
        county_code text,
        region_source text NOT NULL,
        product_name text,
        description text NOT NULL,
        extras jsonb NOT NULL DEFAULT '{}'::jsonb,
        classification jsonb,
        routing jsonb,
        lead_unit text,
        assist_units text[] NOT NULL DEFAULT '{}',
        duplicate_candidates uuid[] NOT NULL DEFAULT '{}',
        flags text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'RECEIVED',
        pipeline_step text NOT NULL DEFAULT 'RECEIVED',
        duplicate_of uuid REFERENCES tickets(id),
        dispatch_by timestamptz,
        accept_by timestamptz,
        resolve_by timestamptz,
        deadlines_provisional boolean NOT NULL DEFAULT false,
        revision integer NOT NULL DEFAULT 1,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (feed, external_id)
      )`);
    await q.query(`CREATE INDEX tickets_received_idx ON tickets (received_at DESC, id DESC)`);
    await q.query(`CREATE INDEX tickets_status_idx ON tickets (status, received_at)`);
    await q.query(`CREATE INDEX tickets_lead_unit_idx ON tickets (lead_unit, received_at DESC)`);
    await q.query(`CREATE INDEX tickets_assist_units_idx ON tickets USING gin (assist_units)`);
    await q.query(`CREATE INDEX tickets_uscc_idx ON tickets (subject_uscc) WHERE subject_uscc IS NOT NULL`);
    await q.query(`CREATE INDEX tickets_subject_idx ON tickets (subject_name_norm, region_code) WHERE subject_name_norm IS NOT NULL`);
    await q.query(`CREATE INDEX tickets_pipeline_idx ON tickets (pipeline_step) WHERE pipeline_step <> 'DONE'`);
    await q.query(`
      CREATE TABLE record_revisions (
        id bigserial PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        feed text NOT NULL,
        external_id text NOT NULL,
        revision integer NOT NULL,
        kind text NOT NULL DEFAULT 'ORIGINAL',
        raw_id uuid REFERENCES raw_records(id),
        raw_index integer NOT NULL DEFAULT 0,
        content_hash text NOT NULL,
        record jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (ticket_id, revision)
      )`);
    await q.query(`CREATE INDEX record_revisions_key_idx ON record_revisions (feed, external_id)`);
    await q.query(`
      CREATE TABLE ticket_history (
        id bigserial PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_name text NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text,
        reason text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX ticket_history_ticket_idx ON ticket_history (ticket_id, id)`);
    await q.query(`
      CREATE FUNCTION forbid_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'ticket_history is append-only'; END $$`);
    await q.query(`CREATE TRIGGER ticket_history_append_only BEFORE UPDATE OR DELETE ON ticket_history FOR EACH ROW EXECUTE FUNCTION forbid_history_change()`);
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        raw_id uuid REFERENCES raw_records(id),
        file_name text NOT NULL,
        mime_type text,
        size_bytes integer,
        sha256 text,
        content bytea,
        url text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_ticket_idx ON attachments (ticket_id)`);
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        ticket_id uuid,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE published_at IS NULL`);
    await q.query(`
      CREATE TABLE pii_reveals (
        id bigserial PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        user_id uuid NOT NULL REFERENCES users(id),
        fields text[] NOT NULL,
        reason text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['pii_reveals', 'outbox', 'attachments', 'ticket_history', 'record_revisions', 'tickets', 'raw_records', 'users', 'units', 'regions', 'departments']) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS forbid_history_change()`);
  }
}
