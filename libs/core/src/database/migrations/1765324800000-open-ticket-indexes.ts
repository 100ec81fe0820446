import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status NOT IN ('CLOSED', 'MERGED', 'DISCARDED')`;

/**
 * Duplicate search reads each region's and each business's newest open tickets by (receipt time,
 * id). The open-ticket indexes lacked the id, so the planner walked the region index over every
 * ticket, closed ones too: cheap while most are open, ever more rows per read as years of closed
 * tickets pile up. With the id they give exactly that order over open tickets only.
 * `tickets_status_idx` (status, received_at) goes: `tickets_status_received_idx` serves every read
 * it served, and each index is one more insert on each of the ticket's several new row versions.
 * Without a transaction so that the indexes are built and dropped CONCURRENTLY on a live system.
 */
export class OpenTicketIndexes1765324800000 implements MigrationInterface {
  name = 'OpenTicketIndexes1765324800000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_open_region_newest_idx ON tickets (region_code, received_at DESC, id DESC) WHERE ${OPEN}`);
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_open_uscc_newest_idx ON tickets (subject_uscc, received_at DESC, id DESC) WHERE subject_uscc IS NOT NULL AND ${OPEN}`,
    );
    for (const index of ['tickets_open_region_idx', 'tickets_open_uscc_idx', 'tickets_status_idx']) await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${index}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_status_idx ON tickets (status, received_at)`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_open_region_idx ON tickets (region_code, received_at DESC) WHERE ${OPEN}`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_open_uscc_idx ON tickets (subject_uscc, received_at DESC) WHERE subject_uscc IS NOT NULL AND ${OPEN}`);
    for (const index of ['tickets_open_region_newest_idx', 'tickets_open_uscc_newest_idx']) await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${index}`);
  }
}
