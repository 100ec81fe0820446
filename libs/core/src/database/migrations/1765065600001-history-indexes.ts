import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `'RECEIVED', 'TRIAGE', 'DISPATCHED', 'ACCEPTED', 'RETURNED', 'IN_PROGRESS', 'TRANSFERRED_TO_POLICE'`;

/**
 * Indexes for years of tickets (bench:history): each console filter walks an index in the queue's
 * order (newest first) and stops after a page; a unit's open tickets by deadline; text search by
 * trigrams, which in this database's UTF-8 locale treat Chinese characters as word characters, so
 * a search of three characters or more uses the index. Built CONCURRENTLY, outside a transaction,
 * so that a live system keeps taking tickets while they build.
 */
export class HistoryIndexes1765065600001 implements MigrationInterface {
  name = 'HistoryIndexes1765065600001';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_status_received_idx ON tickets (status, received_at DESC, id DESC)`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_region_received_idx ON tickets (region_code, received_at DESC, id DESC)`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_category_received_idx ON tickets ((classification->>'category'), received_at DESC, id DESC)`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_open_lead_deadline_idx ON tickets (lead_unit, resolve_by, id) WHERE status IN (${OPEN})`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_description_trgm_idx ON tickets USING gin (description gin_trgm_ops)`);
    // the console's `q` ORs tracking code, external id, business and text: every branch needs its index or all of it scans
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_subject_name_trgm_idx ON tickets USING gin (subject_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_external_id_idx ON tickets (external_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['tickets_external_id_idx', 'tickets_subject_name_trgm_idx', 'tickets_description_trgm_idx', 'tickets_open_lead_deadline_idx', 'tickets_category_received_idx', 'tickets_region_received_idx', 'tickets_status_received_idx']) {
      await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${index}`);
    }
  }
}
