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
  const row: ChainedHistoryRow = {
    ticketId: entry.ticketId,
    at: new Date(),
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    action: entry.action,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    // as jsonb will hold it: undefined fields dropped, dates as strings
    data: JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>,
  };
  const hash = historyChainHash(last?.hash ?? CHAIN_START, row);
  await manager.query(
    `INSERT INTO ticket_history (ticket_id, at, actor_id, actor_name, action, from_status, to_status, reason, data, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
    [row.ticketId, row.at, row.actorId, row.actorName, row.action, row.fromStatus, row.toStatus, row.reason, JSON.stringify(row.data), hash],
  );
}
