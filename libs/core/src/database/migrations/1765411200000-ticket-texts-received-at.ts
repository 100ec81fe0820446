import { MigrationInterface, QueryRunner } from 'typeorm';
import { indexName, TEXT_INDEXES } from './1765238400005-ticket-texts';

const COLUMNS = 'ticket_id, received_at, subject_name, description';
const OLD_COLUMNS = 'ticket_id, subject_name, description';
type Copy = { table: string; columns: string };
const onNext = (definition: string) => definition.replace(/^(\S+) ON ticket_texts /, '$1_next ON ticket_texts_next ');

/** The insert and update triggers' functions, writing each of `copies`. */
const triggerFunctions = (copies: Copy[]) => [
  `CREATE OR REPLACE FUNCTION hub_ticket_texts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     ${copies
       .map(
         ({ table, columns }) => `INSERT INTO ${table} (${columns}) SELECT ${columns.replace('ticket_id', 'id')} FROM inserted_tickets
       ON CONFLICT (ticket_id) DO UPDATE SET subject_name = EXCLUDED.subject_name, description = EXCLUDED.description;`,
       )
       .join('\n')}
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE FUNCTION hub_ticket_texts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     ${copies.map(({ table }) => `UPDATE ${table} SET subject_name = NEW.subject_name, description = NEW.description WHERE ticket_id = NEW.id;`).join('\n')}
     RETURN NULL;
   END $$`,
];

/**
 * `ticket_texts` carries each ticket's receipt time (it never changes), so that a search counts and
 * sorts its matches from the text indexes without reading every match's ticket row.
 * An update of every row would re-insert each one's trigrams and character pairs into the four GIN
 * indexes, so the copy is written anew beside the old one, on a live system: the triggers write both,
 * the tickets are copied (writes to tickets wait for this copy alone, so that no corrected name
 * slips between it and the triggers), the indexes are built CONCURRENTLY, and the new table takes
 * the old one's place in one short transaction.
 */
export class TicketTextsReceivedAt1765411200000 implements MigrationInterface {
  name = 'TicketTextsReceivedAt1765411200000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ticket_texts_next`);
    await q.query(`CREATE TABLE ticket_texts_next (
      ticket_id uuid CONSTRAINT ticket_texts_next_pkey PRIMARY KEY CONSTRAINT ticket_texts_next_ticket_id_fkey REFERENCES tickets (id) ON DELETE CASCADE,
      received_at timestamptz NOT NULL,
      subject_name text,
      description text NOT NULL)`);
    await inTransaction(q, async () => {
      await q.query(`LOCK TABLE tickets IN SHARE ROW EXCLUSIVE MODE`);
      for (const sql of triggerFunctions([{ table: 'ticket_texts', columns: OLD_COLUMNS }, { table: 'ticket_texts_next', columns: COLUMNS }])) await q.query(sql);
      // a run cut short may have left the triggers writing the new copy: rows they wrote since are current
      await q.query(`INSERT INTO ticket_texts_next (${COLUMNS}) SELECT id, received_at, subject_name, description FROM tickets ON CONFLICT (ticket_id) DO NOTHING`);
    });
    for (const index of TEXT_INDEXES) await q.query(`CREATE INDEX CONCURRENTLY ${onNext(index)}`);
    await inTransaction(q, async () => {
      await q.query(`LOCK TABLE tickets IN SHARE ROW EXCLUSIVE MODE`);
      await q.query(`DROP TABLE ticket_texts`);
      await q.query(`ALTER TABLE ticket_texts_next RENAME TO ticket_texts`);
      await q.query(`ALTER TABLE ticket_texts RENAME CONSTRAINT ticket_texts_next_pkey TO ticket_texts_pkey`);
      await q.query(`ALTER TABLE ticket_texts RENAME CONSTRAINT ticket_texts_next_ticket_id_fkey TO ticket_texts_ticket_id_fkey`);
      for (const index of TEXT_INDEXES) await q.query(`ALTER INDEX ${indexName(index)}_next RENAME TO ${indexName(index)}`);
      for (const sql of triggerFunctions([{ table: 'ticket_texts', columns: COLUMNS }])) await q.query(sql);
    });
    await q.query(`ANALYZE ticket_texts`);
  }

  async down(q: QueryRunner): Promise<void> {
    await inTransaction(q, async () => {
      await q.query(`ALTER TABLE ticket_texts DROP COLUMN received_at`);
      for (const sql of triggerFunctions([{ table: 'ticket_texts', columns: OLD_COLUMNS }])) await q.query(sql);
    });
  }
}

async function inTransaction(q: QueryRunner, work: () => Promise<void>): Promise<void> {
  await q.startTransaction();
  try {
    await work();
    await q.commitTransaction();
  } catch (error) {
    await q.rollbackTransaction();
    throw error;
  }
}
