import { MigrationInterface, QueryRunner } from 'typeorm';

/** Open tickets of one business by receipt time: the duplicate search's second way in, beside the region's. */
export class PipelineSpeed1765065600000 implements MigrationInterface {
  name = 'PipelineSpeed1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS tickets_open_uscc_idx ON tickets (subject_uscc, received_at DESC) WHERE subject_uscc IS NOT NULL AND status NOT IN ('CLOSED', 'MERGED', 'DISCARDED')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tickets_open_uscc_idx`);
  }
}
