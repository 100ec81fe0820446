import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Raw request bodies are sealed (AES-256-GCM, the reporter-data key ring). `body_key_id` names
 * the key a body is sealed under; NULL marks a body stored in clear before this migration.
 * Migrations hold no keys, so setup seals those right after migrating (and `npm run keys:rotate`
 * re-seals everything under the newest key).
 */
export class SealedRawBodies1764892800000 implements MigrationInterface {
  name = 'SealedRawBodies1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE raw_records ADD COLUMN body_key_id text`);
    await q.query(`CREATE INDEX raw_records_body_key_idx ON raw_records (body_key_id)`);
    await q.query(`CREATE INDEX tickets_reporter_key_idx ON tickets ((split_part(reporter_secret, '.', 2))) WHERE reporter_secret IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tickets_reporter_key_idx`);
    await q.query(`DROP INDEX IF EXISTS raw_records_body_key_idx`);
    await q.query(`ALTER TABLE raw_records DROP COLUMN IF EXISTS body_key_id`);
  }
}
