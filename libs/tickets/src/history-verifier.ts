import { CHAIN_START, historyChainHash } from '@hub/core';

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

interface StoredRow {
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
  hash: string;
}

export interface HistoryBreak {
  ticketId: string;
  historyId: string;
  action: string;
}

export interface HistoryVerification {
  tickets: number;
  entries: number;
  breaks: HistoryBreak[];
}

const BATCH = 5000;

/**
 * Recomputes every ticket's history chain. A changed entry breaks its own link; a removed
 * or reordered one breaks the link of the entry after it.
 */
export async function verifyHistoryChains(db: Queryable, ticketId?: string): Promise<HistoryVerification> {
  const result: HistoryVerification = { tickets: 0, entries: 0, breaks: [] };
  let after = { ticketId: '00000000-0000-0000-0000-000000000000', id: '0' };
  let previous = { ticketId: '', hash: CHAIN_START };
  for (;;) {
    const rows = (await db.query(
      `SELECT id, ticket_id, at, actor_id, actor_name, action, from_status, to_status, reason, data, hash FROM ticket_history
        WHERE (ticket_id, id) > ($1::uuid, $2::bigint) AND ($3::uuid IS NULL OR ticket_id = $3) ORDER BY ticket_id, id LIMIT ${BATCH}`,
      [after.ticketId, after.id, ticketId ?? null],
    )) as StoredRow[];
    if (rows.length === 0) return result;
    for (const row of rows) {
      const sameTicket = row.ticket_id === previous.ticketId;
      if (!sameTicket) result.tickets++;
      result.entries++;
      const expected = historyChainHash(sameTicket ? previous.hash : CHAIN_START, {
        ticketId: row.ticket_id, at: row.at, actorId: row.actor_id, actorName: row.actor_name, action: row.action,
        fromStatus: row.from_status, toStatus: row.to_status, reason: row.reason, data: row.data,
      });
      if (expected !== row.hash) result.breaks.push({ ticketId: row.ticket_id, historyId: row.id, action: row.action });
      previous = { ticketId: row.ticket_id, hash: row.hash };
    }
    const last = rows[rows.length - 1];
    after = { ticketId: last.ticket_id, id: last.id };
  }
}
