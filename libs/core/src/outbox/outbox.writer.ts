import type { EntityManager } from 'typeorm';

export const OUTBOX_NOTIFY_CHANNEL = 'hub_outbox';

export interface OutboxEntry {
  topic: string;
  ticketId: string | null;
  payload: Record<string, unknown>;
}

/**
 * Adds entries inside the caller's transaction: they become visible (and the relay
 * is woken by NOTIFY, which PostgreSQL delivers at commit) only if the change commits.
 */
export async function writeOutbox(manager: EntityManager, entries: OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // one statement whatever the count (a 10,000-row batch would pass the 65,535-parameter limit as VALUES)
  await manager.query(
    `WITH added AS (
       INSERT INTO outbox (topic, ticket_id, payload)
       SELECT e.topic, e.ticket_id, e.payload FROM jsonb_to_recordset($1::jsonb) AS e(topic text, ticket_id uuid, payload jsonb)
       RETURNING 1)
     SELECT pg_notify('${OUTBOX_NOTIFY_CHANNEL}', '') FROM (SELECT 1 FROM added LIMIT 1) AS any_added`,
    [JSON.stringify(entries.map((e) => ({ topic: e.topic, ticket_id: e.ticketId, payload: e.payload })))],
  );
}
