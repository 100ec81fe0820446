import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-character Chinese searches. pg_trgm treats a run of Chinese characters as one word and
 * every three consecutive characters as a trigram, so `LIKE '%奶粉%'` (two characters, like most
 * Chinese words) yields no trigram and scanned every ticket. `hub_bigrams(text)` gives the
 * lower-cased character pairs of a text; a GIN index over it finds the tickets holding every
 * pair of a search (a necessary condition for the substring), and the ILIKE still decides, so
 * results are those of the ILIKE alone. Searches of three characters or more stay on trigrams.
 * plpgsql and not SQL: about 40 µs for a 120-character description instead of 230.
 * Built CONCURRENTLY, outside a transaction, so a live system keeps taking tickets meanwhile.
 */
export class Search1765238400003 implements MigrationInterface {
  name = 'Search1765238400003';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION hub_bigrams(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        chars text[] := string_to_array(lower(t), NULL);
        pairs text[] := '{}';
      BEGIN
        FOR i IN 1 .. coalesce(array_length(chars, 1), 0) - 1 LOOP
          pairs := pairs || (chars[i] || chars[i + 1]);
        END LOOP;
        RETURN pairs;
      END $$`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_description_bigram_idx ON tickets USING gin (hub_bigrams(description))`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_subject_name_bigram_idx ON tickets USING gin (hub_bigrams(subject_name))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS tickets_subject_name_bigram_idx`);
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS tickets_description_bigram_idx`);
    await q.query(`DROP FUNCTION IF EXISTS hub_bigrams(text)`);
  }
}
