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

/** Many entries in one statement, in the given order. */
export async function appendHistoryMany(manager: EntityManager, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await manager.query(
    `INSERT INTO ticket_history (ticket_id, actor_id, actor_name, action, from_status, to_status, reason, data)
     SELECT h.ticket_id, h.actor_id, h.actor_name, h.action, h.from_status, h.to_status, h.reason, h.data
       FROM jsonb_to_recordset($1::jsonb) AS h(ticket_id uuid, actor_id uuid, actor_name text, action text, from_status text, to_status text, reason text, data jsonb)`,
    [
      JSON.stringify(
        entries.map((e) => ({
          ticket_id: e.ticketId,
          actor_id: e.actor.id,
          actor_name: e.actor.name,
          action: e.action,
          from_status: e.fromStatus ?? null,
          to_status: e.toStatus ?? null,
          reason: e.reason ?? null,
          data: e.data ?? {},
        })),
      ),
    ],
  );
}
