import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHAIN_START, historyChainHash } from '../../integrity/history-chain';

interface HistoryRow {
  id: string;
  ticket_id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}

const BATCH = 5000;

/** Every ticket_history row carries a hash chained to its ticket's previous row; existing rows are sealed here. */
export class HistoryChain1764979200001 implements MigrationInterface {
  name = 'HistoryChain1764979200001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_history ADD COLUMN hash text`);
    await q.query(`ALTER TABLE ticket_history DISABLE TRIGGER ticket_history_append_only`);
    await sealExistingRows(q);
    await q.query(`ALTER TABLE ticket_history ENABLE TRIGGER ticket_history_append_only`);
    await q.query(`ALTER TABLE ticket_history ALTER COLUMN hash SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_history DISABLE TRIGGER ticket_history_append_only`);
    await q.query(`ALTER TABLE ticket_history DROP COLUMN hash`);
    await q.query(`ALTER TABLE ticket_history ENABLE TRIGGER ticket_history_append_only`);
  }
}

async function sealExistingRows(q: QueryRunner): Promise<void> {
  let after = { ticketId: '00000000-0000-0000-0000-000000000000', id: '0' };
  let previous = { ticketId: '', hash: CHAIN_START };
  for (;;) {
    const rows: HistoryRow[] = await q.query(
      `SELECT id, ticket_id, at, actor_id, actor_name, action, from_status, to_status, reason, data FROM ticket_history
        WHERE (ticket_id, id) > ($1::uuid, $2::bigint) ORDER BY ticket_id, id LIMIT ${BATCH}`,
      [after.ticketId, after.id],
    );
    if (rows.length === 0) return;
    const ids: string[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      const start = row.ticket_id === previous.ticketId ? previous.hash : CHAIN_START;
      const hash = historyChainHash(start, { ticketId: row.ticket_id, at: row.at, actorId: row.actor_id, actorName: row.actor_name, action: row.action, fromStatus: row.from_status, toStatus: row.to_status, reason: row.reason, data: row.data });
      ids.push(row.id);
      hashes.push(hash);
      previous = { ticketId: row.ticket_id, hash };
    }
    await q.query(`UPDATE ticket_history h SET hash = v.hash FROM unnest($1::bigint[], $2::text[]) AS v(id, hash) WHERE h.id = v.id`, [ids, hashes]);
    const last = rows[rows.length - 1];
    after = { ticketId: last.ticket_id, id: last.id };
  }
}
