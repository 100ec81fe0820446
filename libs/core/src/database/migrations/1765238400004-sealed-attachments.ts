import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachment files sealed at rest: the key id each file is sealed under. Files stored before
 * have none and are read as they are until setup's re-seal pass seals them.
 */
export class SealedAttachments1765238400004 implements MigrationInterface {
  name = 'SealedAttachments1765238400004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachments ADD COLUMN content_key_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachments DROP COLUMN content_key_id`);
  }
}
