import type { EntityManager, QueryRunner } from 'typeorm';
import { OUTBOX_TOPICS } from '../queues/jobs';

export const OUTBOX_NOTIFY_CHANNEL = 'hub_outbox';
/**
 * Live events leave right after their commit. Pipeline steps wait for the relay, which gathers the
 * commits of a busy moment into batch jobs: a job per commit would cost the router far more per ticket.
 */
const AFTER_COMMIT_TOPIC = OUTBOX_TOPICS.event;

export interface OutboxEntry {
  topic: string;
  ticketId: string | null;
  payload: Record<string, unknown>;
}

/** Takes the ids of entries written in a transaction and publishes them once it commits. */
export interface OutboxAfterCommitHook {
  readonly publishesOutboxAfterCommit: true;
  collect(runner: QueryRunner, ids: string[]): void;
}

/**
 * Adds entries inside the caller's transaction: they become visible only if the change commits.
 * Where the process publishes after commit (an `OutboxAfterCommitHook` among the data source's
 * subscribers), its live events leave right after the commit; everything else wakes the relay by
 * NOTIFY, which PostgreSQL delivers at commit. Events of a process that dies between its commit
 * and the publish are left to the relay's next poll.
 */
export async function writeOutbox(manager: EntityManager, entries: OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // one statement whatever the count (a 10,000-row batch would pass the 65,535-parameter limit as VALUES)
  const rows = JSON.stringify(entries.map((e) => ({ topic: e.topic, ticket_id: e.ticketId, payload: e.payload })));
  const insert = `INSERT INTO outbox (topic, ticket_id, payload) SELECT e.topic, e.ticket_id, e.payload FROM jsonb_to_recordset($1::jsonb) AS e(topic text, ticket_id uuid, payload jsonb)`;
  const hook = afterCommitHook(manager);
  if (hook && manager.queryRunner) {
    const added: Array<{ id: string; topic: string }> = await manager.query(
      `WITH added AS (${insert} RETURNING id, topic),
            notified AS (SELECT pg_notify('${OUTBOX_NOTIFY_CHANNEL}', '') FROM (SELECT 1 FROM added WHERE topic <> '${AFTER_COMMIT_TOPIC}' LIMIT 1) AS any_other)
       SELECT id, topic FROM added CROSS JOIN (SELECT count(*) FROM notified) AS wake`,
      [rows],
    );
    hook.collect(manager.queryRunner, added.filter((r) => r.topic === AFTER_COMMIT_TOPIC).map((r) => r.id));
    return;
  }
  await manager.query(
    `WITH added AS (${insert} RETURNING 1)
     SELECT pg_notify('${OUTBOX_NOTIFY_CHANNEL}', '') FROM (SELECT 1 FROM added LIMIT 1) AS any_added`,
    [rows],
  );
}

function afterCommitHook(manager: EntityManager): OutboxAfterCommitHook | undefined {
  if (!manager.queryRunner?.isTransactionActive) return undefined;
  const subscribers = manager.connection.subscribers as ReadonlyArray<Partial<OutboxAfterCommitHook>>;
  return subscribers.find((s): s is OutboxAfterCommitHook => s.publishesOutboxAfterCommit === true);
}
