import type { EntityManager } from 'typeorm';

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

export async function appendHistory(manager: EntityManager, entry: HistoryEntry): Promise<void> {
  await manager.query(
    `INSERT INTO ticket_history (ticket_id, actor_id, actor_name, action, from_status, to_status, reason, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [entry.ticketId, entry.actor.id, entry.actor.name, entry.action, entry.fromStatus ?? null, entry.toStatus ?? null, entry.reason ?? null, JSON.stringify(entry.data ?? {})],
  );
}
