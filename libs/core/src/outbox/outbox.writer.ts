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
  const values: unknown[] = [];
  const rows = entries.map((e, i) => {
    values.push(e.topic, e.ticketId, JSON.stringify(e.payload));
    return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`;
  });
  await manager.query(`INSERT INTO outbox (topic, ticket_id, payload) VALUES ${rows.join(', ')}`, values);
  await manager.query(`SELECT pg_notify('${OUTBOX_NOTIFY_CHANNEL}', '')`);
}
