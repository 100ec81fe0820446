import { MigrationInterface, QueryRunner } from 'typeorm';

export const TEXT_INDEXES = [
  `ticket_texts_description_trgm_idx ON ticket_texts USING gin (description gin_trgm_ops)`,
  `ticket_texts_subject_name_trgm_idx ON ticket_texts USING gin (subject_name gin_trgm_ops)`,
  `ticket_texts_description_bigram_idx ON ticket_texts USING gin (hub_bigrams(description))`,
  `ticket_texts_subject_name_bigram_idx ON ticket_texts USING gin (hub_bigrams(subject_name))`,
];
const OLD_TICKET_INDEXES = [
  `tickets_description_trgm_idx ON tickets USING gin (description gin_trgm_ops)`,
  `tickets_subject_name_trgm_idx ON tickets USING gin (subject_name gin_trgm_ops)`,
  `tickets_description_bigram_idx ON tickets USING gin (hub_bigrams(description))`,
  `tickets_subject_name_bigram_idx ON tickets USING gin (hub_bigrams(subject_name))`,
];
export const indexName = (definition: string) => definition.split(' ')[0];

/**
 * The text search indexes move off `tickets` into `ticket_texts`, a copy of each ticket's business
 * name and description kept by triggers. A ticket row is rewritten at every step of its life (routed,
 * accepted, closed …) and none of those updates can be HOT, so every one re-inserted all the
 * trigrams and character pairs of the description into four GIN indexes and recomputed
 * `hub_bigrams`: most of PostgreSQL's work per ticket under intake load. The texts change only when
 * a revision or a correction changes them, and only then are they indexed again.
 * Without a transaction so that the old indexes go CONCURRENTLY on a live system.
 */
export class TicketTexts1765238400005 implements MigrationInterface {
  name = 'TicketTexts1765238400005';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS ticket_texts (
      ticket_id uuid PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
      subject_name text,
      description text NOT NULL)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION hub_ticket_texts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ticket_texts (ticket_id, subject_name, description) SELECT id, subject_name, description FROM inserted_tickets
          ON CONFLICT (ticket_id) DO UPDATE SET subject_name = EXCLUDED.subject_name, description = EXCLUDED.description;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION hub_ticket_texts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ticket_texts SET subject_name = NEW.subject_name, description = NEW.description WHERE ticket_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER IF EXISTS tickets_texts_inserted ON tickets`);
    await q.query(`CREATE TRIGGER tickets_texts_inserted AFTER INSERT ON tickets REFERENCING NEW TABLE AS inserted_tickets
      FOR EACH STATEMENT EXECUTE FUNCTION hub_ticket_texts_inserted()`);
    await q.query(`DROP TRIGGER IF EXISTS tickets_texts_changed ON tickets`);
    await q.query(`CREATE TRIGGER tickets_texts_changed AFTER UPDATE OF subject_name, description ON tickets FOR EACH ROW
      WHEN (OLD.subject_name IS DISTINCT FROM NEW.subject_name OR OLD.description IS DISTINCT FROM NEW.description)
      EXECUTE FUNCTION hub_ticket_texts_changed()`);
    await q.query(`INSERT INTO ticket_texts (ticket_id, subject_name, description) SELECT id, subject_name, description FROM tickets ON CONFLICT (ticket_id) DO NOTHING`);
    for (const index of TEXT_INDEXES) await q.query(`CREATE INDEX IF NOT EXISTS ${index}`);
    await q.query(`ANALYZE ticket_texts`);
    for (const index of OLD_TICKET_INDEXES) await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${indexName(index)}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of OLD_TICKET_INDEXES) await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${index}`);
    await q.query(`DROP TRIGGER IF EXISTS tickets_texts_changed ON tickets`);
    await q.query(`DROP TRIGGER IF EXISTS tickets_texts_inserted ON tickets`);
    await q.query(`DROP TABLE IF EXISTS ticket_texts`);
    await q.query(`DROP FUNCTION IF EXISTS hub_ticket_texts_changed()`);
    await q.query(`DROP FUNCTION IF EXISTS hub_ticket_texts_inserted()`);
  }
}
