import { Queue } from 'bullmq';
import { Client } from 'pg';
import { clockJobId, QUEUES } from '@hub/core';
import { Ledger, ledgerKey } from './feeds';

export interface Invariant {
  name: string;
  ok: boolean;
  /** the numbers behind the verdict */
  detail: string;
}

export interface Stores {
  db: Client;
  redis: { host: string; port: number };
  prefix: string;
}

const queueOf = (stores: Stores, name: string) => new Queue(name, { connection: { ...stores.redis, maxRetriesPerRequest: 3 }, prefix: `${stores.prefix}:bull` });

/** What is still moving: tickets before their last step, outbox rows not relayed, jobs waiting or running. */
export async function backlog(stores: Stores): Promise<{ pipeline: number; outbox: number; jobs: number }> {
  const [{ pipeline, outbox }] = (
    await stores.db.query(`SELECT (SELECT count(*)::int FROM tickets WHERE pipeline_step <> 'DONE') AS pipeline, (SELECT count(*)::int FROM outbox WHERE published_at IS NULL) AS outbox`)
  ).rows;
  const queue = queueOf(stores, QUEUES.tickets);
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
    return { pipeline, outbox, jobs: Object.values(counts).reduce((a, b) => a + b, 0) };
  } finally {
    await queue.close();
  }
}

export async function checkInvariants(stores: Stores, ledger: Ledger, options: { armAheadMs: number }): Promise<Invariant[]> {
  return [
    ...(await ticketsMatchAnswers(stores, ledger)),
    await everyTicketRouted(stores),
    await dispatchedAtMostOnce(stores),
    await outboxDrained(stores),
    await queuesIdle(stores),
    await deadlinesArmed(stores, options.armAheadMs),
    await schedulesArmed(stores),
  ];
}

async function ticketsMatchAnswers(stores: Stores, ledger: Ledger): Promise<Invariant[]> {
  const rows: Array<{ id: string; feed: string; external_id: string }> = (await stores.db.query(`SELECT id, feed, external_id FROM tickets`)).rows;
  const byKey = new Map<string, string[]>();
  for (const r of rows) byKey.set(ledgerKey(r.feed, r.external_id), [...(byKey.get(ledgerKey(r.feed, r.external_id)) ?? []), r.id]);
  let lost = 0;
  let duplicated = 0;
  let otherTicket = 0;
  for (const [key, ticketId] of ledger.accepted) {
    const tickets = byKey.get(key) ?? [];
    if (tickets.length === 0) lost++;
    if (tickets.length > 1) duplicated++;
    if (tickets.length === 1 && tickets[0] !== ticketId) otherTicket++;
  }
  const unanswered = [...byKey.keys()].filter((k) => !ledger.accepted.has(k)).length;
  return [
    {
      name: 'every record answered 202 has exactly one ticket',
      ok: ledger.accepted.size > 0 && lost === 0 && duplicated === 0 && otherTicket === 0,
      detail: `records accepted ${ledger.accepted.size}, tickets ${rows.length}, lost ${lost}, duplicates ${duplicated}, answered with another ticket ${otherTicket}`,
    },
    {
      name: 'no ticket without an accepted record',
      ok: unanswered === 0,
      detail: `tickets no feed was told about ${unanswered} (a request whose answer was lost mid-fault is retried and answered duplicate: true)`,
    },
  ];
}

async function everyTicketRouted(stores: Stores): Promise<Invariant> {
  const rows: Array<{ status: string; count: number }> = (await stores.db.query(`SELECT status, count(*)::int AS count FROM tickets GROUP BY status ORDER BY status`)).rows;
  const stuck = rows.filter((r) => r.status !== 'DISPATCHED' && r.status !== 'TRIAGE').reduce((a, r) => a + r.count, 0);
  return { name: 'every ticket reached DISPATCHED or TRIAGE', ok: stuck === 0, detail: rows.map((r) => `${r.status} ${r.count}`).join(', ') || 'no tickets' };
}

async function dispatchedAtMostOnce(stores: Stores): Promise<Invariant> {
  const [row] = (
    await stores.db.query(
      `SELECT count(*)::int AS tickets, coalesce(max(n), 0)::int AS most FROM (SELECT ticket_id, count(*) AS n FROM ticket_history WHERE to_status = 'DISPATCHED' GROUP BY ticket_id) d WHERE n > 1`,
    )
  ).rows;
  const [{ dispatches }] = (await stores.db.query(`SELECT count(*)::int AS dispatches FROM ticket_history WHERE to_status = 'DISPATCHED'`)).rows;
  return { name: 'no ticket dispatched twice (history)', ok: row.tickets === 0, detail: `DISPATCHED transitions ${dispatches}, tickets with more than one ${row.tickets}` };
}

async function outboxDrained(stores: Stores): Promise<Invariant> {
  const [row] = (await stores.db.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE published_at IS NULL)::int AS pending FROM outbox`)).rows;
  return { name: 'outbox drained', ok: row.pending === 0, detail: `outbox rows ${row.total}, unpublished ${row.pending}` };
}

async function queuesIdle(stores: Stores): Promise<Invariant> {
  const parts: string[] = [];
  let stuck = 0;
  for (const name of Object.values(QUEUES)) {
    const queue = queueOf(stores, name);
    try {
      const c = await queue.getJobCounts('waiting', 'active', 'prioritized', 'failed', 'delayed', 'completed');
      stuck += c.waiting + c.active + c.prioritized + c.failed;
      parts.push(`${name}: waiting ${c.waiting}, active ${c.active}, failed ${c.failed}, delayed ${c.delayed}, completed ${c.completed}`);
    } finally {
      await queue.close();
    }
  }
  return { name: 'no job waiting, running or failed', ok: stuck === 0, detail: parts.join('; ') };
}

/** The deadline-timer reconciler's own query: every escalation due within its horizon must have a job in Redis. */
async function deadlinesArmed(stores: Stores, armAheadMs: number): Promise<Invariant> {
  const horizon = new Date(Date.now() + armAheadMs);
  const rows: Array<{ ticket_id: string; clock: string; level: string; warn_at: Date; due_at: Date; updated_at: Date }> = (
    await stores.db.query(
      `SELECT ticket_id, clock, level, warn_at, due_at, updated_at FROM ticket_clocks
        WHERE stopped_at IS NULL AND paused_at IS NULL AND ((level = 'ok' AND warn_at <= $1) OR (level <> 'overdue' AND due_at <= $1))`,
      [horizon],
    )
  ).rows;
  const [{ open }] = (await stores.db.query(`SELECT count(*)::int AS open FROM ticket_clocks WHERE stopped_at IS NULL`)).rows;
  const expected = rows.flatMap((r) => {
    const common = { ticketId: r.ticket_id, clock: r.clock, dueAt: r.due_at.toISOString(), stamp: r.updated_at.getTime() };
    return [...(r.level === 'ok' && r.warn_at <= horizon ? [clockJobId({ ...common, level: 'warning' })] : []), ...(r.due_at <= horizon ? [clockJobId({ ...common, level: 'overdue' })] : [])];
  });
  const queue = queueOf(stores, QUEUES.clocks);
  let missing = 0;
  try {
    for (const id of expected) if (!(await queue.getJob(id))) missing++;
  } finally {
    await queue.close();
  }
  return {
    name: 'deadline timers armed for open clocks (re-armed from PostgreSQL after the Redis wipe)',
    ok: open > 0 && expected.length > 0 && missing === 0,
    detail: `open clocks ${open}, escalations due within ${Math.round(armAheadMs / 86_400_000)} days ${expected.length}, without a job ${missing}`,
  };
}

async function schedulesArmed(stores: Stores): Promise<Invariant> {
  const found: string[] = [];
  const schedulers = [
    [QUEUES.routing, 'daily-retrain'],
    [QUEUES.rewards, 'reward-sweep'],
    [QUEUES.records, 'records-sweep'],
    [QUEUES.trends, 'trend-scan'],
    [QUEUES.supervision, 'supervision-rollup'],
  ] as const;
  for (const [queueName, scheduler] of schedulers) {
    const queue = queueOf(stores, queueName);
    try {
      if (await queue.getJobScheduler(scheduler)) found.push(scheduler);
    } finally {
      await queue.close();
    }
  }
  return { name: 'scheduled jobs armed (retrain, reward sweep, records sweep, trend scan, supervision rollup)', ok: found.length === schedulers.length, detail: `schedulers present: ${found.join(', ') || 'none'}` };
}
