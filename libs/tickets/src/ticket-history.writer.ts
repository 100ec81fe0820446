import type { EntityManager } from 'typeorm';
import { CHAIN_START, ChainedHistoryRow, historyChainHash } from '@hub/core';

export interface Actor {
  id: string | null;
  name: string;
}

export interface HistoryEntry {
  ticketId: string;
  actor: Actor;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

export const feedActor = (feed: string): Actor => ({ id: null, name: `feed:${feed}` });
export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

/**
 * Appends one entry, sealed with a hash chained to the ticket's previous entry. The ticket
 * row lock (already held by the transitions and the store, taken here for every other
 * writer) orders the appends of one ticket, so the chain never forks.
 */
export async function appendHistory(manager: EntityManager, entry: HistoryEntry): Promise<void> {
  await manager.query(`SELECT 1 FROM tickets WHERE id = $1 FOR NO KEY UPDATE`, [entry.ticketId]);
  const [last]: Array<{ hash: string }> = await manager.query(`SELECT hash FROM ticket_history WHERE ticket_id = $1 ORDER BY id DESC LIMIT 1`, [entry.ticketId]);
  const row = chainedRow(entry, new Date());
  const hash = historyChainHash(last?.hash ?? CHAIN_START, row);
  await manager.query(
    `INSERT INTO ticket_history (ticket_id, at, actor_id, actor_name, action, from_status, to_status, reason, data, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
    [row.ticketId, row.at, row.actorId, row.actorName, row.action, row.fromStatus, row.toStatus, row.reason, JSON.stringify(row.data), hash],
  );
}

/** What the caller already knows of the tickets it appends to, so that `appendHistoryMany` skips the reads it would do. */
export interface AppendManyOptions {
  /** the caller holds every ticket's row lock (taken in id order) */
  locked?: boolean;
  /** every ticket was created in this transaction: no other transaction sees it and it has no entry yet */
  newTickets?: boolean;
}

/**
 * Many entries in one statement, in the given order, each chained to its ticket's previous
 * entry as `appendHistory` does; the tickets are locked in id order so batches never deadlock.
 */
export async function appendHistoryMany(manager: EntityManager, entries: HistoryEntry[], options: AppendManyOptions = {}): Promise<void> {
  if (entries.length === 0) return;
  const lasts = options.newTickets ? [] : await lastHashes(manager, [...new Set(entries.map((e) => e.ticketId))], options.locked === true);
  const lastHash = new Map(lasts.map((l) => [l.ticket_id, l.hash]));
  const at = new Date();
  const rows = entries.map((e, n) => {
    const row = chainedRow(e, at);
    const hash = historyChainHash(lastHash.get(e.ticketId) ?? CHAIN_START, row);
    lastHash.set(e.ticketId, hash);
    return { ticket_id: row.ticketId, at: row.at, actor_id: row.actorId, actor_name: row.actorName, action: row.action, from_status: row.fromStatus, to_status: row.toStatus, reason: row.reason, data: row.data, hash, n };
  });
  await manager.query(
    `INSERT INTO ticket_history (ticket_id, at, actor_id, actor_name, action, from_status, to_status, reason, data, hash)
     SELECT h.ticket_id, h.at, h.actor_id, h.actor_name, h.action, h.from_status, h.to_status, h.reason, h.data, h.hash
       FROM jsonb_to_recordset($1::jsonb) AS h(ticket_id uuid, at timestamptz, actor_id uuid, actor_name text, action text, from_status text, to_status text, reason text, data jsonb, hash text, n integer)
      ORDER BY h.n`,
    [JSON.stringify(rows)],
  );
}

function chainedRow(entry: HistoryEntry, at: Date): ChainedHistoryRow {
  return {
    ticketId: entry.ticketId,
    at,
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    action: entry.action,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    // as jsonb will hold it: undefined fields dropped, dates as strings
    data: JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>,
  };
}

/** Each ticket's newest entry hash, read under the ticket's row lock so that no append can slip in between. */
async function lastHashes(manager: EntityManager, ticketIds: string[], locked: boolean): Promise<Array<{ ticket_id: string; hash: string }>> {
  if (!locked) await manager.query(`SELECT 1 FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [ticketIds]);
  return manager.query(`SELECT DISTINCT ON (ticket_id) ticket_id, hash FROM ticket_history WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id, id DESC`, [ticketIds]);
}
